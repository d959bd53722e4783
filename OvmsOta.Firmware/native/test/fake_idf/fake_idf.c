/* The fake ESP-IDF: see fake_idf.h. */
#include <stdlib.h>
#include <string.h>
#include "esp_ota_ops.h"
#include "esp_system.h"
#include "fake_idf.h"

#define MAX_PARTITIONS 16
#define SECTOR 0x1000

struct esp_partition_iterator_opaque_ {
    int next; /* index of the partition this iterator points at */
    esp_partition_type_t type;
    esp_partition_subtype_t subtype;
    const char *label;
};

static uint8_t *flash;
static esp_partition_t table[MAX_PARTITIONS];
static int table_count;
static const esp_partition_t *running;
static fake_idf_counters counters;
static int open_iterators;

#define APP(label, subtype, address, size) { NULL, ESP_PARTITION_TYPE_APP, (esp_partition_subtype_t)(subtype), address, size, SECTOR, label, false, false }
#define DATA(label, subtype, address, size) { NULL, ESP_PARTITION_TYPE_DATA, (esp_partition_subtype_t)(subtype), address, size, SECTOR, label, false, false }

/* OVMS v3-35, vehicle/OVMS.V3/partitions.csv (shared/reference/vectors/ovms-partitions.csv). */
static const esp_partition_t ovms_layout[] = {
    DATA("nvs", 0x02, 0x9000, 0x4000),
    DATA("otadata", 0x00, 0xd000, 0x2000),
    DATA("phy_init", 0x01, 0xf000, 0x1000),
    APP("ota_0", 0x10, 0x10000, 0x700000),
    APP("ota_1", 0x11, 0x710000, 0x700000),
    DATA("store", 0x81, 0xe10000, 0x1f0000),
};

static const esp_partition_t *by_label(const char *label)
{
    for (int i = 0; label != NULL && i < table_count; i++) {
        if (strcmp(table[i].label, label) == 0) {
            return &table[i];
        }
    }
    return NULL;
}

void fake_idf_load_table(const esp_partition_t *entries, int count)
{
    if (flash == NULL) {
        flash = (uint8_t *)malloc(FAKE_FLASH_SIZE);
        if (flash == NULL) {
            abort();
        }
    }
    memset(flash, 0xFF, FAKE_FLASH_SIZE);
    if (count > MAX_PARTITIONS) {
        abort();
    }
    memcpy(table, entries, (size_t)count * sizeof table[0]);
    table_count = count;
    running = NULL;
    memset(&counters, 0, sizeof counters);
}

void fake_idf_reset(void)
{
    fake_idf_load_table(ovms_layout, (int)(sizeof ovms_layout / sizeof ovms_layout[0]));
    fake_idf_set_running("ota_0");
}

void fake_idf_set_running(const char *label) { running = by_label(label); }

void fake_idf_set_readonly(const char *label, bool readonly)
{
    esp_partition_t *p = (esp_partition_t *)by_label(label);
    if (p != NULL) {
        p->readonly = readonly;
    }
}

uint8_t *fake_idf_flash(void) { return flash; }
fake_idf_counters fake_idf_counts(void) { return counters; }
int fake_idf_open_iterators(void) { return open_iterators; }

static int matches(const esp_partition_t *p, esp_partition_type_t type, esp_partition_subtype_t subtype, const char *label)
{
    if (type != ESP_PARTITION_TYPE_ANY) {
        if (p->type != type || (subtype != ESP_PARTITION_SUBTYPE_ANY && p->subtype != subtype)) {
            return 0;
        }
    }
    return label == NULL || strcmp(p->label, label) == 0;
}

/* Moves it to the first match at or after from; frees it and returns NULL when there is none. */
static esp_partition_iterator_t seek(esp_partition_iterator_t it, int from)
{
    for (int i = from; i < table_count; i++) {
        if (matches(&table[i], it->type, it->subtype, it->label)) {
            it->next = i;
            return it;
        }
    }
    esp_partition_iterator_release(it);
    return NULL;
}

esp_partition_iterator_t esp_partition_find(esp_partition_type_t type, esp_partition_subtype_t subtype, const char *label)
{
    esp_partition_iterator_t it = (esp_partition_iterator_t)malloc(sizeof *it);
    if (it == NULL) {
        return NULL;
    }
    open_iterators++;
    it->type = type;
    it->subtype = subtype;
    it->label = label;
    return seek(it, 0);
}

const esp_partition_t *esp_partition_find_first(esp_partition_type_t type, esp_partition_subtype_t subtype, const char *label)
{
    esp_partition_iterator_t it = esp_partition_find(type, subtype, label);
    if (it == NULL) {
        return NULL;
    }
    const esp_partition_t *p = esp_partition_get(it);
    esp_partition_iterator_release(it);
    return p;
}

const esp_partition_t *esp_partition_get(esp_partition_iterator_t it) { return &table[it->next]; }

esp_partition_iterator_t esp_partition_next(esp_partition_iterator_t it) { return seek(it, it->next + 1); }

void esp_partition_iterator_release(esp_partition_iterator_t it)
{
    if (it != NULL) {
        open_iterators--;
        free(it);
    }
}

/* The bounds checks of esp_partition_read/write (partition_target.c), in their order. */
static esp_err_t check_range(const esp_partition_t *p, size_t offset, size_t size)
{
    if (offset > p->size) {
        return ESP_ERR_INVALID_ARG;
    }
    if (offset + size > p->size) {
        return ESP_ERR_INVALID_SIZE;
    }
    return ESP_OK;
}

esp_err_t esp_partition_read(const esp_partition_t *p, size_t offset, void *dst, size_t size)
{
    esp_err_t err = check_range(p, offset, size);
    if (err != ESP_OK) {
        return err;
    }
    counters.reads++;
    memcpy(dst, flash + p->address + offset, size);
    return ESP_OK;
}

esp_err_t esp_partition_write(const esp_partition_t *p, size_t offset, const void *src, size_t size)
{
    if (p->readonly) {
        return ESP_ERR_NOT_ALLOWED;
    }
    esp_err_t err = check_range(p, offset, size);
    if (err != ESP_OK) {
        return err;
    }
    uint8_t *at = flash + p->address + offset;
    const uint8_t *bytes = (const uint8_t *)src;
    for (size_t i = 0; i < size; i++) {
        if ((bytes[i] & ~at[i]) != 0) {
            return ESP_FAIL; /* would set a bit: not erased since its last write */
        }
    }
    counters.writes++;
    for (size_t i = 0; i < size; i++) {
        at[i] &= bytes[i];
    }
    return ESP_OK;
}

esp_err_t esp_partition_erase_range(const esp_partition_t *p, size_t offset, size_t size)
{
    if (p->readonly) {
        return ESP_ERR_NOT_ALLOWED;
    }
    esp_err_t err = check_range(p, offset, size);
    if (err != ESP_OK) {
        return err;
    }
    if (size % SECTOR != 0) {
        return ESP_ERR_INVALID_SIZE;
    }
    if (offset % SECTOR != 0) {
        return ESP_ERR_INVALID_ARG;
    }
    counters.erases++;
    counters.erased_bytes += (uint32_t)size;
    memset(flash + p->address + offset, 0xFF, size);
    return ESP_OK;
}

const esp_partition_t *esp_ota_get_running_partition(void) { return running; }

void esp_restart(void) { counters.restarts++; }
