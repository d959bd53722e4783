//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#ifndef OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVESIGNATURE_H
#define OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVESIGNATURE_H

namespace OvmsOta_Native
{
    namespace OvmsOta_Native
    {
        struct NativeSignature
        {
            static signed int RsaPssVerify( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, HRESULT &hr );
        };
    }
}

#endif
