//-----------------------------------------------------------------------------
//
//    Shared by the OvmsOta.Native stubs (hand-written, not generated).
//
//    Convention: methods whose result is a status return the esp_err_t as an int (0 = ESP_OK), so
//    the managed binding can name the ESP-IDF code, the partition and the offset in its exception.
//    Methods whose result is a value (a handle, a checksum) and every span outside its managed array
//    throw instead, with the esp_err_t mapped to a CLR_E_* code by ovmsota_hresult.
//
//-----------------------------------------------------------------------------

#ifndef OVMSOTA_NATIVE_INTEROP_H
#define OVMSOTA_NATIVE_INTEROP_H

#include "OvmsOta_Native.h"
#include "ovmsota_args.h"
#include "ovmsota_flash.h"
#include "ovmsota_hash.h"
#include "ovmsota_inflate.h"
#include "ovmsota_rsa.h"
#include "ovmsota_system.h"

// esp_err_t -> CLR_E_* (managed exception type), for the calls that throw.
static inline HRESULT ovmsota_hresult(esp_err_t err)
{
    switch (err)
    {
        case ESP_OK:
            return S_OK;
        case ESP_ERR_INVALID_ARG:
        case ESP_ERR_NOT_FOUND:
            return CLR_E_INVALID_PARAMETER;
        case ESP_ERR_INVALID_SIZE:
            return CLR_E_INDEX_OUT_OF_RANGE;
        case ESP_ERR_NO_MEM:
            return CLR_E_OUT_OF_MEMORY;
        case ESP_ERR_INVALID_STATE:
            return CLR_E_INVALID_OPERATION;
        case ESP_ERR_NOT_ALLOWED:
        case ESP_ERR_NOT_SUPPORTED:
            return CLR_E_NOT_SUPPORTED;
        case ESP_ERR_TIMEOUT:
            return CLR_E_TIMEOUT;
        case ESP_FAIL:
            return CLR_E_IO;
        default:
            return CLR_E_FAIL;
    }
}

// &array[offset] when [offset, offset + count) lies inside the managed array; else NULL and hr set.
static inline uint8_t *ovmsota_span(CLR_RT_TypedArray_UINT8 &array, signed int offset, signed int count, HRESULT &hr)
{
    hr = ovmsota_hresult(ovmsota_span_check(array.GetBuffer(), array.GetSize(), offset, count));
    return FAILED(hr) ? NULL : array.GetBuffer() + offset;
}

#endif // OVMSOTA_NATIVE_INTEROP_H
