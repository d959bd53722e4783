//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#include "OvmsOta_Native_interop.h"
#include "OvmsOta_Native_OvmsOta_Native_NativeHash.h"

using namespace OvmsOta_Native::OvmsOta_Native;


// Sha256Begin(): a positive handle; throws when no slot is free (ESP_ERR_NO_MEM -> CLR_E_OUT_OF_MEMORY).
signed int NativeHash::Sha256Begin( HRESULT &hr )
{
    int32_t handle = 0;
    hr = ovmsota_hresult( ovmsota_sha256_begin( &handle ) );
    return handle;
}

// Sha256Update(int handle, byte[] data, int offset, int count)
signed int NativeHash::Sha256Update( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, HRESULT &hr )
{
    uint8_t *data = ovmsota_span( param1, param2, param3, hr );
    return data == NULL ? 0 : ovmsota_sha256_update( param0, data, param3 );
}

// Sha256Finish(int handle, byte[] digest, int offset): 32 bytes at digest[offset]; closes the handle.
signed int NativeHash::Sha256Finish( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr )
{
    uint8_t *digest = ovmsota_span( param1, param2, OVMSOTA_SHA256_SIZE, hr );
    if (digest == NULL)
    {
        ovmsota_sha256_abort( param0 ); // the caller cannot finish it any more: do not leak the slot
        return 0;
    }
    return ovmsota_sha256_finish( param0, digest );
}

// Sha256Abort(int handle)
signed int NativeHash::Sha256Abort( signed int param0, HRESULT &hr )
{
    hr = S_OK;
    return ovmsota_sha256_abort( param0 );
}

// ChecksumUpdate(int checksum, byte[] data, int offset, int count): the checksum with data folded in.
signed int NativeHash::ChecksumUpdate( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, HRESULT &hr )
{
    uint8_t *data = ovmsota_span( param1, param2, param3, hr );
    return data == NULL ? 0 : ovmsota_checksum_update( (uint8_t)param0, data, (uint32_t)param3 );
}
