/* Host stand-in for ESP-IDF's esp_ota_ops.h: only the call the work functions use. */
#ifndef FAKE_IDF_ESP_OTA_OPS_H
#define FAKE_IDF_ESP_OTA_OPS_H

#include "esp_partition.h"

#ifdef __cplusplus
extern "C" {
#endif

const esp_partition_t *esp_ota_get_running_partition(void);

#ifdef __cplusplus
}
#endif

#endif
