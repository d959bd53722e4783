/* Flash access by partition: see ovmsota_flash.h. */
#include <stdio.h>
#include <string.h>
#include "esp_ota_ops.h"
#include "ovmsota_flash.h"

#define OTA_SUBTYPE_FIRST 0x10 /* ota_0; ota_N = 0x10 + N */
#define OTA_SUBTYPE_LAST 0x1F

static void put_le32(uint8_t *at, uint32_t value)
{
    at[0] = (uint8_t)value;
    at[1] = (uint8_t)(value >> 8);
    at[2] = (uint8_t)(value >> 16);
    at[3] = (uint8_t)(value >> 24);
}

const esp_partition_t *ovmsota_partition_by_label(const char *label)
{
    if (label == NULL) {
        return NULL;
    }
    return esp_partition_find_first(ESP_PARTITION_TYPE_ANY, ESP_PARTITION_SUBTYPE_ANY, label);
}

const esp_partition_t *ovmsota_partition_by_type(int32_t type, int32_t subtype)
{
    return esp_partition_find_first((esp_partition_type_t)type, (esp_partition_subtype_t)subtype, NULL);
}

void ovmsota_partition_record(const esp_partition_t *p, uint8_t record[OVMSOTA_ENTRY_SIZE])
{
    uint32_t flags = (p->encrypted ? 1u : 0u) | (p->readonly ? 2u : 0u);
    memset(record, 0, OVMSOTA_ENTRY_SIZE);
    record[0] = 0xAA; /* magic 0x50AA, little-endian */
    record[1] = 0x50;
    record[2] = (uint8_t)p->type;
    record[3] = (uint8_t)p->subtype;
    put_le32(record + 4, p->address);
    put_le32(record + 8, p->size);
    /* 16 label bytes, NUL-padded (record is zeroed); a 16-character label has no NUL, as in the table. */
    for (int i = 0; i < 16 && p->label[i] != '\0'; i++) {
        record[12 + i] = (uint8_t)p->label[i];
    }
    put_le32(record + 28, flags);
}

esp_err_t ovmsota_partition_entry(int32_t index, uint8_t *entry, uint32_t entry_length)
{
    if (entry == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    if (entry_length < OVMSOTA_ENTRY_SIZE) {
        return ESP_ERR_INVALID_SIZE;
    }
    if (index < 0) {
        return ESP_ERR_NOT_FOUND;
    }
    esp_partition_iterator_t it = esp_partition_find(ESP_PARTITION_TYPE_ANY, ESP_PARTITION_SUBTYPE_ANY, NULL);
    for (int32_t i = 0; it != NULL; i++, it = esp_partition_next(it)) {
        if (i == index) {
            ovmsota_partition_record(esp_partition_get(it), entry);
            esp_partition_iterator_release(it);
            return ESP_OK;
        }
    }
    return ESP_ERR_NOT_FOUND; /* esp_partition_next released the iterator at the end */
}

esp_err_t ovmsota_running_partition_entry(uint8_t *entry, uint32_t entry_length)
{
    if (entry == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    if (entry_length < OVMSOTA_ENTRY_SIZE) {
        return ESP_ERR_INVALID_SIZE;
    }
    const esp_partition_t *running = esp_ota_get_running_partition();
    if (running == NULL) {
        return ESP_ERR_NOT_FOUND;
    }
    ovmsota_partition_record(running, entry);
    return ESP_OK;
}

const esp_partition_t *ovmsota_paired_deploy(const esp_partition_t *app)
{
    if (app == NULL || app->type != ESP_PARTITION_TYPE_APP) {
        return NULL;
    }
    if (app->subtype == ESP_PARTITION_SUBTYPE_APP_FACTORY) {
        return ovmsota_partition_by_type(ESP_PARTITION_TYPE_DATA, OVMSOTA_SUBTYPE_DEPLOY);
    }
    if (app->subtype < OTA_SUBTYPE_FIRST || app->subtype > OTA_SUBTYPE_LAST) {
        return NULL;
    }
    char label[17];
    snprintf(label, sizeof label, "deploy_%d", (int)(app->subtype - OTA_SUBTYPE_FIRST));
    const esp_partition_t *deploy = ovmsota_partition_by_label(label);
    if (deploy == NULL || deploy->type != ESP_PARTITION_TYPE_DATA || deploy->subtype != OVMSOTA_SUBTYPE_DEPLOY) {
        return NULL;
    }
    return deploy;
}

/* The running app and the deployment nanoCLR executes from it: never written or erased. */
static int is_running(const esp_partition_t *p)
{
    const esp_partition_t *running = esp_ota_get_running_partition();
    if (running == NULL) {
        return 0;
    }
    const esp_partition_t *deploy = ovmsota_paired_deploy(running);
    return p->address == running->address || (deploy != NULL && p->address == deploy->address);
}

/*
 * Resolves label and checks [offset, offset + count) against the partition, with the codes
 * esp_partition_read/write/erase_range return, but before they run: their own checks assert on
 * NULL and take size_t, so a negative managed int would wrap.
 */
static esp_err_t resolve(const char *label, int32_t offset, int32_t count, const esp_partition_t **out)
{
    if (label == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    const esp_partition_t *p = ovmsota_partition_by_label(label);
    if (p == NULL) {
        return ESP_ERR_NOT_FOUND;
    }
    if (offset < 0 || (uint32_t)offset > p->size) {
        return ESP_ERR_INVALID_ARG;
    }
    if (count < 0 || (uint32_t)count > p->size - (uint32_t)offset) {
        return ESP_ERR_INVALID_SIZE;
    }
    *out = p;
    return ESP_OK;
}

esp_err_t ovmsota_flash_read(const char *label, int32_t offset, uint8_t *dst, int32_t count)
{
    const esp_partition_t *p;
    esp_err_t err = resolve(label, offset, count, &p);
    if (err != ESP_OK) {
        return err;
    }
    if (dst == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    return count == 0 ? ESP_OK : esp_partition_read(p, (size_t)offset, dst, (size_t)count);
}

esp_err_t ovmsota_flash_write(const char *label, int32_t offset, const uint8_t *src, int32_t count)
{
    const esp_partition_t *p;
    esp_err_t err = resolve(label, offset, count, &p);
    if (err != ESP_OK) {
        return err;
    }
    if (src == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    if (is_running(p)) {
        return ESP_ERR_NOT_ALLOWED;
    }
    return count == 0 ? ESP_OK : esp_partition_write(p, (size_t)offset, src, (size_t)count);
}

/* Erases unit bytes at offset; the absolute address must be a multiple of unit. */
static esp_err_t erase_unit(const char *label, int32_t offset, uint32_t unit)
{
    const esp_partition_t *p;
    esp_err_t err = resolve(label, offset, (int32_t)unit, &p);
    if (err != ESP_OK) {
        return err;
    }
    if ((p->address + (uint32_t)offset) % unit != 0) {
        return ESP_ERR_INVALID_ARG;
    }
    if (is_running(p)) {
        return ESP_ERR_NOT_ALLOWED;
    }
    return esp_partition_erase_range(p, (size_t)offset, unit);
}

esp_err_t ovmsota_flash_erase_sector(const char *label, int32_t offset)
{
    return erase_unit(label, offset, OVMSOTA_SECTOR_SIZE);
}

esp_err_t ovmsota_flash_erase_block(const char *label, int32_t offset)
{
    return erase_unit(label, offset, OVMSOTA_BLOCK_SIZE);
}
