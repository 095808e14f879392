/**
 * One-shot SHA-256 (FIPS 180-4) tuned for the many short inputs CLVM hashes (tree hashes, coin
 * ids, curried puzzle hashes): no per-call objects besides the 32-byte digest, scratch buffers are
 * reused. Tested against @noble/hashes on every length up to 300 bytes and on long inputs.
 * Spec: https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.180-4.pdf
 */

// FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])
// §5.3.3: initial hash value.
const IV = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])

const H = new Uint32Array(8)
const W = new Uint32Array(64)
const TAIL = new Uint8Array(128)

function compress(buf: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++, off += 4) {
    W[i] = (buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]
    const w2 = W[i - 2]
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0
  }
  let a = H[0]
  let b = H[1]
  let c = H[2]
  let d = H[3]
  let e = H[4]
  let f = H[5]
  let g = H[6]
  let h = H[7]
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  H[0] += a
  H[1] += b
  H[2] += c
  H[3] += d
  H[4] += e
  H[5] += f
  H[6] += g
  H[7] += h
}

/**
 * SHA-256 of the concatenation of `parts` (no intermediate copy of the message).
 * @example bytesToHex(fastSha256([utf8ToBytes('abc')])) // 'ba7816bf…'
 */
export function fastSha256(parts: readonly Uint8Array[]): Uint8Array {
  H.set(IV)
  let pending = 0 // bytes buffered in TAIL
  let total = 0
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]
    const len = part.length
    total += len
    let i = 0
    if (pending > 0) {
      while (pending < 64 && i < len) TAIL[pending++] = part[i++]
      if (pending < 64) continue
      compress(TAIL, 0)
      pending = 0
    }
    for (; i + 64 <= len; i += 64) compress(part, i)
    while (i < len) TAIL[pending++] = part[i++]
  }
  // Padding: 0x80, zeros, then the message length in bits as a 64-bit big-endian integer.
  TAIL.fill(0, pending)
  TAIL[pending] = 0x80
  const end = pending < 56 ? 64 : 128
  const hi = Math.floor(total / 0x20000000)
  const lo = (total << 3) >>> 0
  TAIL[end - 8] = hi >>> 24
  TAIL[end - 7] = hi >>> 16
  TAIL[end - 6] = hi >>> 8
  TAIL[end - 5] = hi
  TAIL[end - 4] = lo >>> 24
  TAIL[end - 3] = lo >>> 16
  TAIL[end - 2] = lo >>> 8
  TAIL[end - 1] = lo
  compress(TAIL, 0)
  if (end === 128) compress(TAIL, 64)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const v = H[i]
    out[i * 4] = v >>> 24
    out[i * 4 + 1] = v >>> 16
    out[i * 4 + 2] = v >>> 8
    out[i * 4 + 3] = v
  }
  return out
}
