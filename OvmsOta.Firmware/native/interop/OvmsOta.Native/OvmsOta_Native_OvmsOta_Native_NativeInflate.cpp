//-----------------------------------------------------------------------------
//
//    User part of the OvmsOta.Native interop stubs (generated shape, hand-filled body).
//    Kept thin: unpack, check the managed span, call the C work function in ../../src.
//
//-----------------------------------------------------------------------------

#include "OvmsOta_Native_interop.h"
#include "OvmsOta_Native_OvmsOta_Native_NativeInflate.h"

using namespace OvmsOta_Native::OvmsOta_Native;


// Begin(): a positive handle; throws when no slot or no memory is free (ESP_ERR_NO_MEM -> CLR_E_OUT_OF_MEMORY).
signed int NativeInflate::Begin( HRESULT &hr )
{
    int32_t handle = 0;
    hr = ovmsota_hresult( ovmsota_inflate_begin( &handle ) );
    return handle;
}

// Decode(int handle, byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount, int[] counts):
// the status (or esp_err_t) of ovmsota_inflate_decode; counts[0] = consumed, counts[1] = produced.
signed int NativeInflate::Decode( signed int param0, CLR_RT_TypedArray_UINT8 param1, signed int param2, signed int param3, CLR_RT_TypedArray_UINT8 param4, signed int param5, signed int param6, CLR_RT_TypedArray_INT32 param7, HRESULT &hr )
{
    uint8_t *input = ovmsota_span( param1, param2, param3, hr );
    if (input == NULL)
    {
        return 0;
    }
    uint8_t *output = ovmsota_span( param4, param5, param6, hr );
    if (output == NULL)
    {
        return 0;
    }
    hr = ovmsota_hresult( ovmsota_span_check( param7.GetBuffer(), param7.GetSize(), 0, 2 ) );
    if (FAILED(hr))
    {
        return 0;
    }
    // Locals, not the array's elements: int32_t and the array's element type may differ (long vs int on Xtensa).
    int32_t consumed = 0;
    int32_t produced = 0;
    signed int status = ovmsota_inflate_decode( param0, input, param3, &consumed, output, param6, &produced );
    param7.GetBuffer()[0] = consumed;
    param7.GetBuffer()[1] = produced;
    return status;
}

// End(int handle)
signed int NativeInflate::End( signed int param0, HRESULT &hr )
{
    hr = S_OK;
    return ovmsota_inflate_end( param0 );
}
