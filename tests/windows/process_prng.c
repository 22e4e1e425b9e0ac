/* TEST ONLY, never shipped: a stand-in bcryptprimitives.dll for wine 8, which lacks ProcessPrng.
 * Every Windows program made by Rust >= 1.78 imports ProcessPrng from bcryptprimitives.dll; on
 * Windows 10 and later the system provides it. scripts/dist --check places this DLL beside the
 * test programs it runs under wine, and fills the buffer from BCryptGenRandom (the system RNG). */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
            return FALSE;
        }
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
