/*
 * Flash access by partition, over ESP-IDF's esp_partition_* calls.
 *
 * Every call names a partition by its label and addresses bytes relative to its start, so a bug
 * above can never reach past the partition it meant. The running app partition and the managed
 * deployment paired with it are refused for writes and erases: the running image is never touched.
 *
 * Errors are ESP-IDF's own esp_err_t codes:
 *   ESP_ERR_INVALID_ARG   offset negative or past the partition end, erase offset not aligned (4 KB
 *                         sector, 64 KB block at an absolute address); label or buffer NULL from a C
 *                         caller (from managed code a null never gets here: nanoCLR's marshaller throws
 *                         NullReferenceException before the glue runs)
 *   ESP_ERR_INVALID_SIZE  count negative, or offset + count past the partition end
 *   ESP_ERR_NOT_FOUND     no partition has that label (or that index, for the listing)
 *   ESP_ERR_NOT_ALLOWED   the partition is readonly, or is the running app / its deployment
 *   anything else         passed through from esp_partition_read / _write / _erase_range
 */
#ifndef OVMSOTA_FLASH_H
#define OVMSOTA_FLASH_H

#include <stdint.h>
#include "esp_err.h"
#include "esp_partition.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OVMSOTA_SECTOR_SIZE 0x1000   /* smallest erase unit */
#define OVMSOTA_BLOCK_SIZE 0x10000   /* 64 KB block erase */
#define OVMSOTA_ENTRY_SIZE 32        /* one record in ESP-IDF's partition table layout */
#define OVMSOTA_SUBTYPE_DEPLOY 0x84  /* nanoFramework's managed deployment (ESP_PARTITION_SUBTYPE_DATA_NANOCLR) */

/* The partition with this label, or NULL. */
const esp_partition_t *ovmsota_partition_by_label(const char *label);

/* The first partition of this type and subtype (0xFF = any), or NULL. */
const esp_partition_t *ovmsota_partition_by_type(int32_t type, int32_t subtype);

/*
 * Writes partition p as a 32-byte record in the binary partition table layout (esp_partition_info_t):
 * magic 0x50AA, type, subtype, offset, size, 16-byte label (NUL-padded), flags (bit 0 encrypted,
 * bit 1 readonly), all little-endian. The managed side parses it with the same code as the table.
 */
void ovmsota_partition_record(const esp_partition_t *p, uint8_t record[OVMSOTA_ENTRY_SIZE]);

/*
 * The index-th partition (table order) as a record into entry[0..32).
 * ESP_ERR_NOT_FOUND past the last one; ESP_ERR_INVALID_SIZE if entry_length < 32.
 */
esp_err_t ovmsota_partition_entry(int32_t index, uint8_t *entry, uint32_t entry_length);

/* The app partition this firmware runs from (esp_ota_get_running_partition) as a record. */
esp_err_t ovmsota_running_partition_entry(uint8_t *entry, uint32_t entry_length);

/*
 * The managed deployment paired with app partition app: ota_N pairs with the data/0x84 partition
 * labelled "deploy_N"; factory pairs with the first 0x84 partition (stock nanoFramework layout).
 * NULL when there is none. nanoCLR's block storage must load the deployment from this partition.
 */
const esp_partition_t *ovmsota_paired_deploy(const esp_partition_t *app);

/* Reads count bytes at offset of partition label into dst. */
esp_err_t ovmsota_flash_read(const char *label, int32_t offset, uint8_t *dst, int32_t count);

/* Programs count bytes at offset; NOR flash can only clear bits, so the range must be erased first. */
esp_err_t ovmsota_flash_write(const char *label, int32_t offset, const uint8_t *src, int32_t count);

/* Erases the 4 KB sector at offset (a multiple of 4096). */
esp_err_t ovmsota_flash_erase_sector(const char *label, int32_t offset);

/* Erases the 64 KB block at offset; partition address + offset must be a multiple of 64 KB. */
esp_err_t ovmsota_flash_erase_block(const char *label, int32_t offset);

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_FLASH_H */
