// SHA-256 compression with the x86 SHA extensions; see include/CSHA256.h.
//
// The instructions work on the state split as ABEF and CDGH: `sha256rnds2` runs two rounds,
// `sha256msg1` and `sha256msg2` extend the message schedule four words at a time (Intel, "Intel
// SHA Extensions", 2013). The functions using them carry a target attribute, so the package
// needs no global compiler flags and the rest of the program runs on any x86-64 CPU.
#include "CSHA256.h"

/// The round constants K0 through K63 of FIPS 180-4 §4.2.2, aligned for vector loads.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

const uint32_t *hwc_sha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

int hwc_sha256_has_extensions(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  const int ssse3 = (ecx >> 9) & 1;
  const int sse41 = (ecx >> 19) & 1;
  if (__get_cpuid_max(0, NULL) < 7) return 0;
  __cpuid_count(7, 0, eax, ebx, ecx, edx);
  const int sha = (ebx >> 29) & 1;
  return ssse3 && sse41 && sha;
}

/// Four rounds (4i … 4i+3) with message words `w`: two `sha256rnds2`, each taking two K+W sums.
#define FOUR_ROUNDS(i, w)                                                                \
  do {                                                                                   \
    __m128i kw = _mm_add_epi32(                                                          \
        (w), _mm_load_si128((const __m128i *)&round_constants[4 * (i)]));                \
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, kw);                                        \
    abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(kw, 0x0e));               \
  } while (0)

/// Completes the schedule words `next` (W[t+16…t+19], already holding the msg1 part) from the
/// words `current` (W[t+12…t+15]) and `previous` (W[t+8…t+11]).
#define SCHEDULE(next, current, previous)                                                \
  (next) = _mm_sha256msg2_epu32(                                                         \
      _mm_add_epi32((next), _mm_alignr_epi8((current), (previous), 4)), (current))

/// Four rounds in the middle of the block: rounds with `current`, finishing `next` and starting
/// the schedule of the words after it in `previous`.
#define MIDDLE_ROUNDS(i, previous, current, next)                                        \
  do {                                                                                   \
    FOUR_ROUNDS(i, current);                                                             \
    SCHEDULE(next, current, previous);                                                   \
    (previous) = _mm_sha256msg1_epu32((previous), (current));                            \
  } while (0)

__attribute__((target("sha,sse4.1,ssse3")))
void hwc_sha256_compress_extensions(uint32_t state[8], const void *input, size_t blocks) {
  const uint8_t *data = (const uint8_t *)input;
  // Big-endian message words: reverse the bytes of each 32-bit lane.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

  // H0…H3 and H4…H7 as loaded are DCBA and HGFE (lowest lane first); rearrange to ABEF, CDGH.
  __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xb1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);

  while (blocks > 0) {
    const __m128i abef_start = abef;
    const __m128i cdgh_start = cdgh;
    __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
    __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
    __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
    __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);

    FOUR_ROUNDS(0, w0);
    FOUR_ROUNDS(1, w1);
    w0 = _mm_sha256msg1_epu32(w0, w1);
    FOUR_ROUNDS(2, w2);
    w1 = _mm_sha256msg1_epu32(w1, w2);
    MIDDLE_ROUNDS(3, w2, w3, w0);
    MIDDLE_ROUNDS(4, w3, w0, w1);
    MIDDLE_ROUNDS(5, w0, w1, w2);
    MIDDLE_ROUNDS(6, w1, w2, w3);
    MIDDLE_ROUNDS(7, w2, w3, w0);
    MIDDLE_ROUNDS(8, w3, w0, w1);
    MIDDLE_ROUNDS(9, w0, w1, w2);
    MIDDLE_ROUNDS(10, w1, w2, w3);
    MIDDLE_ROUNDS(11, w2, w3, w0);
    MIDDLE_ROUNDS(12, w3, w0, w1);
    FOUR_ROUNDS(13, w1);
    SCHEDULE(w2, w1, w0);
    FOUR_ROUNDS(14, w2);
    SCHEDULE(w3, w2, w1);
    FOUR_ROUNDS(15, w3);

    abef = _mm_add_epi32(abef, abef_start);
    cdgh = _mm_add_epi32(cdgh, cdgh_start);
    data += 64;
    blocks -= 1;
  }

  // Back from ABEF, CDGH to DCBA, HGFE.
  __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xf0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int hwc_sha256_has_extensions(void) { return 0; }

#endif
