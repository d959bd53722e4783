//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#ifndef OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVEFLASH_H
#define OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVEFLASH_H

namespace OvmsOta_Native
{
    namespace OvmsOta_Native
    {
        struct NativeFlash
        {
            static signed int PartitionEntry( signed int param0, CLR_RT_TypedArray_UINT8 param1, HRESULT &hr );
            static signed int RunningPartitionEntry( CLR_RT_TypedArray_UINT8 param0, HRESULT &hr );
            static signed int Read( const char* param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, HRESULT &hr );
            static signed int Write( const char* param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, signed int param3, signed int param4, HRESULT &hr );
            static signed int EraseSector( const char* param0, signed int param1, HRESULT &hr );
            static signed int EraseBlock( const char* param0, signed int param1, HRESULT &hr );
        };
    }
}

#endif
