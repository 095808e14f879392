/**
 * CLVM cost constants, identical to clvm_rs 0.7.0 (the version behind `clvm_wasm@0.7.0`, the
 * project's consensus reference). Sources, all at tag 0.7.0 of
 * https://github.com/Chia-Network/clvm_rs : `src/run_program.rs`, `src/traverse_path.rs`,
 * `src/core_ops.rs`, `src/more_ops.rs`, `src/op_utils.rs`, `src/bls_ops.rs`, `src/secp_ops.rs`.
 * These are protocol data: changing any of them changes which spends the chain accepts.
 */

// run_program.rs
export const QUOTE_COST = 20
export const APPLY_COST = 90
/** Cost of entering a softfork guard. */
export const GUARD_COST = 140
/** Mandatory base cost of evaluating an operator call. */
export const OP_COST = 1

// traverse_path.rs (environment lookups)
export const TRAVERSE_BASE_COST = 40
export const TRAVERSE_COST_PER_ZERO_BYTE = 4
export const TRAVERSE_COST_PER_BIT = 4

// op_utils.rs: every operator that allocates a new atom pays per byte of it.
export const MALLOC_COST_PER_BYTE = 10

// core_ops.rs
export const IF_COST = 33
export const CONS_COST = 50
export const FIRST_COST = 30
export const REST_COST = 30
export const LISTP_COST = 19
export const EQ_BASE_COST = 117
export const EQ_COST_PER_BYTE = 1

// more_ops.rs
export const ARITH_BASE_COST = 99
export const ARITH_COST_PER_ARG = 320
export const ARITH_COST_PER_BYTE = 3

export const LOG_BASE_COST = 100
export const LOG_COST_PER_ARG = 264
export const LOG_COST_PER_BYTE = 3

export const LOGNOT_BASE_COST = 331
export const LOGNOT_COST_PER_BYTE = 3

export const MUL_BASE_COST = 92
export const MUL_COST_PER_OP = 885
export const MUL_LINEAR_COST_PER_BYTE = 6
export const MUL_SQUARE_COST_PER_BYTE_DIVIDER = 128

export const GR_BASE_COST = 498
export const GR_COST_PER_BYTE = 2

export const GRS_BASE_COST = 117
export const GRS_COST_PER_BYTE = 1

export const STRLEN_BASE_COST = 173
export const STRLEN_COST_PER_BYTE = 1

export const CONCAT_BASE_COST = 142
export const CONCAT_COST_PER_ARG = 135
export const CONCAT_COST_PER_BYTE = 3

export const DIVMOD_BASE_COST = 1116
export const DIVMOD_COST_PER_BYTE = 6

export const DIV_BASE_COST = 988
export const DIV_COST_PER_BYTE = 4

export const SHA256_BASE_COST = 87
export const SHA256_COST_PER_ARG = 134
export const SHA256_COST_PER_BYTE = 2

export const ASHIFT_BASE_COST = 596
export const ASHIFT_COST_PER_BYTE = 3

export const LSHIFT_BASE_COST = 277
export const LSHIFT_COST_PER_BYTE = 3

export const BOOL_BASE_COST = 200
export const BOOL_COST_PER_ARG = 300

export const POINT_ADD_BASE_COST = 101_094
export const POINT_ADD_COST_PER_ARG = 1_343_980

export const PUBKEY_BASE_COST = 1_325_730
export const PUBKEY_COST_PER_BYTE = 38

/** `coinid` is priced like a 3-argument sha256 over 72 bytes, minus a 153 discount. */
export const COINID_COST = SHA256_BASE_COST + SHA256_COST_PER_ARG * 3 + SHA256_COST_PER_BYTE * (32 + 32 + 8) - 153

export const MODPOW_BASE_COST = 17_000
export const MODPOW_COST_PER_BYTE_BASE_VALUE = 38
export const MODPOW_COST_PER_BYTE_EXPONENT = 3
export const MODPOW_COST_PER_BYTE_MOD = 21

// bls_ops.rs (CHIP-0011)
export const BLS_G1_SUBTRACT_BASE_COST = 101_094
export const BLS_G1_SUBTRACT_COST_PER_ARG = 1_343_980
export const BLS_G1_MULTIPLY_BASE_COST = 705_500
export const BLS_G1_MULTIPLY_COST_PER_BYTE = 10
export const BLS_G1_NEGATE_BASE_COST = 1396 - 480
export const BLS_G2_ADD_BASE_COST = 80_000
export const BLS_G2_ADD_COST_PER_ARG = 1_950_000
export const BLS_G2_SUBTRACT_BASE_COST = 80_000
export const BLS_G2_SUBTRACT_COST_PER_ARG = 1_950_000
export const BLS_G2_MULTIPLY_BASE_COST = 2_100_000
export const BLS_G2_MULTIPLY_COST_PER_BYTE = 5
export const BLS_G2_NEGATE_BASE_COST = 2164 - 960
export const BLS_MAP_TO_G1_BASE_COST = 195_000
export const BLS_MAP_TO_G1_COST_PER_BYTE = 4
export const BLS_MAP_TO_G1_COST_PER_DST_BYTE = 4
export const BLS_MAP_TO_G2_BASE_COST = 815_000
export const BLS_MAP_TO_G2_COST_PER_BYTE = 4
export const BLS_MAP_TO_G2_COST_PER_DST_BYTE = 4
export const BLS_PAIRING_BASE_COST = 3_000_000
export const BLS_PAIRING_COST_PER_ARG = 1_200_000

// secp_ops.rs (4-byte opcodes 0x13d61f00 / 0x1c3a8f00)
export const SECP256K1_VERIFY_COST = 1_300_000
export const SECP256R1_VERIFY_COST = 1_850_000
