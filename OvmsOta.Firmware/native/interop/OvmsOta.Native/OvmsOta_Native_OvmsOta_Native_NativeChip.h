//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#ifndef OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVECHIP_H
#define OVMSOTA_NATIVE_OVMSOTA_NATIVE_NATIVECHIP_H

namespace OvmsOta_Native
{
    namespace OvmsOta_Native
    {
        struct NativeChip
        {
            static void Restart( HRESULT &hr );
        };
    }
}

#endif
