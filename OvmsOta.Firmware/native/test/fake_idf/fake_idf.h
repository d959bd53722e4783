/*
 * Test controls of the fake ESP-IDF: a 16 MB RAM flash with NOR rules, a partition table and the
 * running partition.
 *
 * NOR rules, as the chip has them: erased bytes are 0xFF and programming can only clear bits.
 * Where the real chip silently stores old AND new for a write that would set a bit (ESP-IDF does not
 * read back by default), this fake refuses the whole write with ESP_FAIL and leaves the flash
 * unchanged, so a missing erase shows up in a test instead of as corrupt data. Bounds and alignment
 * checks return what esp_partition_read/write/erase_range return (esp_partition/partition_target.c):
 *   offset > size -> ESP_ERR_INVALID_ARG, offset + size > size -> ESP_ERR_INVALID_SIZE,
 *   erase size % 4096 -> ESP_ERR_INVALID_SIZE, erase offset % 4096 -> ESP_ERR_INVALID_ARG,
 *   write or erase of a readonly partition -> ESP_ERR_NOT_ALLOWED.
 */
#ifndef FAKE_IDF_H
#define FAKE_IDF_H

#include <stdint.h>
#include "esp_partition.h"

#ifdef __cplusplus
extern "C" {
#endif

#define FAKE_FLASH_SIZE 0x1000000

typedef struct {
    int reads, writes, erases, restarts; /* calls that reached the flash (or esp_restart) */
    uint32_t erased_bytes;
} fake_idf_counters;

/* Loads the OVMS v3-35 layout (vehicle/OVMS.V3/partitions.csv), erases the flash, runs ota_0. */
void fake_idf_reset(void);

/* Replaces the partition table (at most 16 entries, table order) and erases the flash. */
void fake_idf_load_table(const esp_partition_t *entries, int count);

/* Selects the running app partition by label (NULL = none). */
void fake_idf_set_running(const char *label);

/* Marks a partition readonly (as the 'readonly' flag of gen_esp32part does). */
void fake_idf_set_readonly(const char *label, bool readonly);

/* Raw flash, for tests to look at or prepare bytes. */
uint8_t *fake_idf_flash(void);

/* Counters since the last reset. */
fake_idf_counters fake_idf_counts(void);

/* Iterators not yet released (a leak shows up here). */
int fake_idf_open_iterators(void);

#ifdef __cplusplus
}
#endif

#endif
