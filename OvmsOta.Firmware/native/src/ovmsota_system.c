/* Restart hook: see ovmsota_system.h. */
#include "esp_system.h"
#include "ovmsota_system.h"

void ovmsota_restart(void)
{
    esp_restart();
}
