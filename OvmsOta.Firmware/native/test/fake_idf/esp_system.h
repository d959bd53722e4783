/* Host stand-in for ESP-IDF's esp_system.h: esp_restart, which here counts and returns. */
#ifndef FAKE_IDF_ESP_SYSTEM_H
#define FAKE_IDF_ESP_SYSTEM_H

#ifdef __cplusplus
extern "C" {
#endif

void esp_restart(void);

#ifdef __cplusplus
}
#endif

#endif
