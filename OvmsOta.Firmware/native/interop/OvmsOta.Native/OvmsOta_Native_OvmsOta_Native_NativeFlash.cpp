//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#include "OvmsOta_Native_interop.h"
#include "OvmsOta_Native_OvmsOta_Native_NativeFlash.h"

using namespace OvmsOta_Native::OvmsOta_Native;


// PartitionEntry(int index, byte[] entry): the index-th partition as a 32-byte table record.
signed int NativeFlash::PartitionEntry( signed int param0, CLR_RT_TypedArray_UINT8 param1, HRESULT &hr )
{
    uint8_t *entry = ovmsota_span( param1, 0, OVMSOTA_ENTRY_SIZE, hr );
    return entry == NULL ? 0 : ovmsota_partition_entry( param0, entry, OVMSOTA_ENTRY_SIZE );
}

// RunningPartitionEntry(byte[] entry): the running app partition as a 32-byte table record.
signed int NativeFlash::RunningPartitionEntry( CLR_RT_TypedArray_UINT8 param0, HRESULT &hr )
{
    uint8_t *entry = ovmsota_span( param0, 0, OVMSOTA_ENTRY_SIZE, hr );
    return entry == NULL ? 0 : ovmsota_running_partition_entry( entry, OVMSOTA_ENTRY_SIZE );
}

// Read(string label, int offset, byte[] buffer, int bufferOffset, int count)
signed int NativeFlash::Read( const char* param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, HRESULT &hr )
{
    uint8_t *buffer = ovmsota_span( param2, param3, param4, hr );
    return buffer == NULL ? 0 : ovmsota_flash_read( param0, param1, buffer, param4 );
}

// Write(string label, int offset, byte[] buffer, int bufferOffset, int count)
signed int NativeFlash::Write( const char* param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, HRESULT &hr )
{
    uint8_t *buffer = ovmsota_span( param2, param3, param4, hr );
    return buffer == NULL ? 0 : ovmsota_flash_write( param0, param1, buffer, param4 );
}

// EraseSector(string label, int offset)
signed int NativeFlash::EraseSector( const char* param0, signed int param1, HRESULT &hr )
{
    hr = S_OK;
    return ovmsota_flash_erase_sector( param0, param1 );
}

// EraseBlock(string label, int offset)
signed int NativeFlash::EraseBlock( const char* param0, signed int param1, HRESULT &hr )
{
    hr = S_OK;
    return ovmsota_flash_erase_block( param0, param1 );
}
