/*
 * Handles of the native slot tables (SHA-256 hashes, inflate streams): a positive int that names
 * a slot and the generation it was opened in, so a handle kept after its finish, abort or end
 * misses its slot even once the slot is reused, and is refused instead of reaching a new stream.
 */
#ifndef OVMSOTA_HANDLE_H
#define OVMSOTA_HANDLE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A new handle for slot (0 <= slot < slots): generation * slots + slot + 1, a new generation per call. */
static inline int32_t ovmsota_handle_open(int32_t *generation, int32_t slots, int32_t slot)
{
    *generation = (*generation + 1) % (INT32_MAX / slots - 1);
    return *generation * slots + slot + 1;
}

/* The slot a handle names (the caller still compares the whole handle), or -1 for a handle no table hands out. */
static inline int32_t ovmsota_handle_slot(int32_t handle, int32_t slots)
{
    return handle <= 0 ? -1 : (handle - 1) % slots;
}

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_HANDLE_H */
