//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#ifndef OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVEHASH_H
#define OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVEHASH_H

namespace OvmsOta_Native
{
    namespace OvmsOta_Native
    {
        struct NativeHash
        {
            static signed int Sha256Begin( HRESULT &hr );
            static signed int Sha256Update( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, HRESULT &hr );
            static signed int Sha256Finish( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, HRESULT &hr );
            static signed int Sha256Abort( signed int param0, HRESULT &hr );
            static signed int ChecksumUpdate( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, HRESULT &hr );
        };
    }
}

#endif
