/* Restart hook for the managed side. */
#ifndef OVMSOTA_SYSTEM_H
#define OVMSOTA_SYSTEM_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Restarts the chip (esp_restart): the bootloader then picks the slot otadata selects.
 * Does not return on the device. nanoFramework's Power.RebootDevice ends in the same call
 * (targetHAL_Power.c); this hook exists so the engine's reboot path has one native entry it owns.
 */
void ovmsota_restart(void);

#ifdef __cplusplus
}
#endif

#endif /* OVMSOTA_SYSTEM_H */
