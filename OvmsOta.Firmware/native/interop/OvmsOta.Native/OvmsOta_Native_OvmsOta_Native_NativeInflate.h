//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#ifndef OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVEINFLATE_H
#define OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVEINFLATE_H

namespace OvmsOta_Native
{
    namespace OvmsOta_Native
    {
        struct NativeInflate
        {
            static signed int Begin( HRESULT &hr );
            static signed int Decode( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, signed int param6, CLR_RT_TypedArray_INT32 param7, HRESULT &hr );
            static signed int End( signed int param0, HRESULT &hr );
        };
    }
}

#endif
