/*
 * Argument checks shared by the OvmsOta work functions.
 *
 * Managed callers pass int offsets and counts into a byte[]; these checks turn a bad span into an
 * esp_err_t before any pointer arithmetic happens, so the interop glue can stay a pass-through.
 */
#ifndef OVMSOTA_ARGS_H
#define OVMSOTA_ARGS_H

#include <stdint.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Checks that [offset, offset + count) lies inside an array of array_length bytes.
 * Returns ESP_OK, ESP_ERR_INVALID_ARG (array NULL: C callers only, nanoCLR never passes a null managed
 * array to the glue; or offset negative or past the end),
 * or ESP_ERR_INVALID_SIZE (count negative, or the span runs past the end).
 */
static inline esp_err_t ovmsota_span_check(const void *array, uint32_t array_length, int32_t offset, int32_t count)
{
    if (array == NULL || offset < 0 || (uint32_t)offset > array_length) {
        return ESP_ERR_INVALID_ARG;
    }
    if (count < 0 || (uint32_t)count > array_length - (uint32_t)offset) {
        return ESP_ERR_INVALID_SIZE;
    }
    return ESP_OK;
}

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_ARGS_H */
