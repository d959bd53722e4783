//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#include "OvmsOta_Native_interop.h"
#include "OvmsOta_Native_OvmsOta_Native_NativeSignature.h"

using namespace OvmsOta_Native::OvmsOta_Native;


// RsaPssVerify(byte[] block, int offset, byte[] digest): the esp_err_t of ovmsota_rsa_pss_verify.
signed int NativeSignature::RsaPssVerify( CLR_RT_TypedArray_UINT8 param0, signed int param1, CLR_RT_TypedArray_UINT8 param2, HRESULT &hr )
{
    uint8_t *block = ovmsota_span( param0, param1, OVMSOTA_SIG_BLOCK_SIZE, hr );
    if (block == NULL)
    {
        return 0;
    }
    uint8_t *digest = ovmsota_span( param2, 0, OVMSOTA_SIG_DIGEST_SIZE, hr );
    return digest == NULL ? 0 : ovmsota_rsa_pss_verify( block, digest );
}
