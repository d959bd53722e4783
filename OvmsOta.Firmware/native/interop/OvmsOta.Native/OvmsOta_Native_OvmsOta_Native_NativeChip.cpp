//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#include "OvmsOta_Native_interop.h"
#include "OvmsOta_Native_OvmsOta_Native_NativeChip.h"

using namespace OvmsOta_Native::OvmsOta_Native;


void NativeChip::Restart( HRESULT &hr )
{
    hr = S_OK;
    ovmsota_restart();
}
