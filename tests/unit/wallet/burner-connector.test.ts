import * as driver from '@dignetwork/datalayer-driver'
import { describe, expect, it } from 'vitest'

import { catPuzzle, catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { atom, int, list } from '@/lib/chia/clvm/program'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { addressToPuzzleHash } from '@/lib/chia/keys/address'
import { verifySignedMessage } from '@/lib/chia/keys/sign-message'
import { standardPuzzle, standardPuzzleHash, standardSolution } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, equalBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { BURNER_STORAGE_KEY, type BurnerChain, createBurnerConnector, InvalidBurnerMnemonicError } from '@/lib/wallet/burner-connector'
import { verifyWalletSignature } from '@/lib/wallet/verify-wallet-signature'
import { WalletRequestFailedError, WalletSignatureInvalidError, WalletUnavailableError } from '@/lib/wallet/wallet-errors'

const runner = createClvmRsRunner()
const context = { genesisChallenge: TESTNET11_GENESIS_CHALLENGE, runner }
// BIP-39 test mnemonic (all "abandon" + "about").
const MNEMONIC = `${'abandon '.repeat(11)}about`

class MemoryStore {
  map = new Map<string, string>()
  getItem = (k: string) => this.map.get(k) ?? null
  setItem = (k: string, v: string) => void this.map.set(k, v)
  removeItem = (k: string) => void this.map.delete(k)
}

const noChain: BurnerChain = {
  getUnspentCoinRecords: async () => [],
  getCoinSpend: async () => {
    throw new Error('no chain')
  },
}

function burner(network: 'devnet' | 'mainnet' | 'testnet11' = 'devnet', chain: BurnerChain = noChain, storage = new MemoryStore()) {
  let n = 0
  return {
    storage,
    connector: createBurnerConnector({
      network,
      storage,
      randomBytes: (len) => new Uint8Array(len).map(() => (n++ * 37) & 0xff),
      chain,
      signingContext: async () => context,
      requestFunds: async (address) => ({ address }),
    }),
  }
}

/** A standard-puzzle spend of `coin` creating one output: the wallet must AGG_SIG_ME it. */
function standardSpend(coin: Coin, publicKey: Uint8Array): CoinSpend {
  const conditions = list([list([int(51), atom(new Uint8Array(32).fill(9)), int(coin.amount - 1n)])])
  return { coin, puzzleReveal: programToBytes(standardPuzzle(publicKey)), solution: programToBytes(standardSolution(conditions)) }
}

describe('devnet burner wallet', () => {
  it('is offered only on the devnet and refuses to start elsewhere', async () => {
    for (const network of ['mainnet', 'testnet11'] as const) {
      const { connector, storage } = burner(network)
      expect(connector.isAvailable()).toBe(false)
      await expect(connector.connect()).rejects.toBeInstanceOf(WalletUnavailableError)
      await expect(connector.importMnemonic(MNEMONIC)).rejects.toBeInstanceOf(WalletUnavailableError)
      expect(await connector.restore()).toBeUndefined()
      expect(storage.map.size).toBe(0)
    }
    expect(burner('devnet').connector.isAvailable()).toBe(true)
  })

  it('creates a 24-word mnemonic once, keeps it, and restores the same wallet', async () => {
    const { connector, storage } = burner()
    expect(await connector.restore()).toBeUndefined()
    const first = await connector.connect()
    const mnemonic = connector.exportMnemonic()!
    expect(mnemonic.split(' ')).toHaveLength(24)
    expect(storage.getItem(BURNER_STORAGE_KEY)).toBe(mnemonic)
    const again = await connector.restore()
    expect(again!.address).toBe(first.address)
    expect(first.address).toMatch(/^txch1/)
    connector.forget()
    expect(connector.exportMnemonic()).toBeUndefined()
  })

  it('imports a mnemonic (normalizing spaces and case) and refuses an invalid one', async () => {
    const { connector } = burner()
    const wallet = await connector.importMnemonic(`  ${MNEMONIC.toUpperCase().replace(/ /g, '   ')} `)
    expect(connector.exportMnemonic()).toBe(MNEMONIC)
    // Address of index 0 matches the reference driver's derivation from the same master key.
    const { mnemonicToMasterSecretKey } = await import('@/lib/chia/keys/mnemonic')
    const master = Buffer.from(mnemonicToMasterSecretKey(MNEMONIC))
    const driverPh = driver.syntheticKeyToPuzzleHash(driver.secretKeyToPublicKey(driver.masterSecretKeyToWalletSyntheticSecretKey(master)))
    expect(bytesToHex(addressToPuzzleHash(wallet.address))).toBe(driverPh.toString('hex'))
    await expect(connector.importMnemonic('abandon abandon')).rejects.toBeInstanceOf(InvalidBurnerMnemonicError)
    expect(connector.exportMnemonic()).toBe(MNEMONIC)
  })

  it('signs its own standard spends: lib/chia verifies it, and it equals the reference driver signature', async () => {
    const { connector } = burner()
    const wallet = await connector.importMnemonic(MNEMONIC)
    const keys = await wallet.getPublicKeys()
    expect(keys).toHaveLength(5)
    const coins: Coin[] = [
      { parentCoinInfo: new Uint8Array(32).fill(1), puzzleHash: standardPuzzleHash(keys[0]), amount: 1000n },
      { parentCoinInfo: new Uint8Array(32).fill(2), puzzleHash: standardPuzzleHash(keys[3]), amount: 5n },
    ]
    const spends = [standardSpend(coins[0], keys[0]), standardSpend(coins[1], keys[3])]
    const signature = await wallet.signCoinSpends(spends)
    expect(signature).toHaveLength(96)
    expect(() => verifyWalletSignature(spends, signature, context)).not.toThrow()
    // On another network the same signature must not verify (AGG_SIG_ME binds the genesis challenge).
    expect(() => verifyWalletSignature(spends, signature, { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })).toThrow(WalletSignatureInvalidError)

    const { mnemonicToMasterSecretKey } = await import('@/lib/chia/keys/mnemonic')
    const { masterSecretKeyToWalletSyntheticSecretKey } = await import('@/lib/chia/keys/synthetic-key')
    const master = mnemonicToMasterSecretKey(MNEMONIC)
    const sks = [0, 3].map((i) => Buffer.from(masterSecretKeyToWalletSyntheticSecretKey(master, i)))
    const reference = driver.signCoinSpends(
      spends.map((s) => ({ coin: { parentCoinInfo: Buffer.from(s.coin.parentCoinInfo), puzzleHash: Buffer.from(s.coin.puzzleHash), amount: s.coin.amount }, puzzleReveal: Buffer.from(s.puzzleReveal), solution: Buffer.from(s.solution) })),
      sks,
      true,
    )
    expect(bytesToHex(signature)).toBe(reference.toString('hex'))
  })

  it('fails on a key it does not hold unless partialSign is set', async () => {
    const { connector } = burner()
    const wallet = await connector.importMnemonic(MNEMONIC)
    const foreign = (await (await burner().connector.connect()).getPublicKeys())[0]
    const spend = standardSpend({ parentCoinInfo: new Uint8Array(32).fill(3), puzzleHash: standardPuzzleHash(foreign), amount: 10n }, foreign)
    await expect(wallet.signCoinSpends([spend])).rejects.toBeInstanceOf(WalletRequestFailedError)
    const partial = await wallet.signCoinSpends([spend], { partialSign: true })
    expect(partial[0]).toBe(0xc0) // nothing signed: the identity signature
    expect(() => verifyWalletSignature([spend], partial, context)).toThrow(WalletSignatureInvalidError)
  })

  it('signMessage signs with the key behind the address (CHIP-0002 digest)', async () => {
    const { connector } = burner()
    const wallet = await connector.importMnemonic(MNEMONIC)
    const message = 'DataLayer Studio login\nnonce: 1'
    const signed = await wallet.signMessage({ message, address: wallet.address })
    expect(equalBytes(standardPuzzleHash(signed.publicKey), addressToPuzzleHash(wallet.address))).toBe(true)
    expect(verifySignedMessage(signed.publicKey, utf8ToBytes(message), signed.signature)).toBe(true)
    await expect(wallet.signMessage({ message, address: 'txch1pene8c3pnvr86gu86tazat88qz4z8vq8h44m0d7dqxrp3rmjcxfs89mqsd' })).rejects.toBeInstanceOf(WalletRequestFailedError)
  })

  it('lists XCH and CAT coins with puzzle reveals that hash to the coin, and CAT lineage from the parent spend', async () => {
    const { mnemonicToMasterSecretKey } = await import('@/lib/chia/keys/mnemonic')
    const { masterSecretKeyToWalletSyntheticSecretKey } = await import('@/lib/chia/keys/synthetic-key')
    const { secretKeyToPublicKey } = await import('@/lib/chia/keys/secret-key')
    const pk1 = secretKeyToPublicKey(masterSecretKeyToWalletSyntheticSecretKey(mnemonicToMasterSecretKey(MNEMONIC), 1))
    const assetId = new Uint8Array(32).fill(0xd1)
    const xchCoin: Coin = { parentCoinInfo: new Uint8Array(32).fill(4), puzzleHash: standardPuzzleHash(pk1), amount: 250n }
    const parentCat: Coin = { parentCoinInfo: new Uint8Array(32).fill(5), puzzleHash: catPuzzleHash(assetId, standardPuzzleHash(pk1)), amount: 1000n }
    const catCoin: Coin = { parentCoinInfo: coinId(parentCat), puzzleHash: parentCat.puzzleHash, amount: 600n }
    const record = (coin: Coin, height: number): CoinRecord => ({ coin, confirmedBlockIndex: height, spentBlockIndex: 0, coinbase: false, timestamp: 0n })
    const asked: number[] = []
    const chain: BurnerChain = {
      async getUnspentCoinRecords(puzzleHashes) {
        asked.push(puzzleHashes.length)
        const all = [record(xchCoin, 7), record(catCoin, 9)]
        return all.filter((r) => puzzleHashes.some((h) => equalBytes(h, r.coin.puzzleHash)))
      },
      async getCoinSpend(id, height) {
        expect(equalBytes(id, coinId(parentCat))).toBe(true)
        expect(height).toBe(9)
        return { coin: parentCat, puzzleReveal: programToBytes(catPuzzle(assetId, standardPuzzle(pk1))), solution: programToBytes(int(0)) }
      },
    }
    const wallet = await burner('devnet', chain).connector.importMnemonic(MNEMONIC)
    const xch = await wallet.getSpendableCoins()
    expect(xch).toHaveLength(1)
    expect(xch[0].coin).toEqual(xchCoin)
    expect(equalBytes(treeHash(programFromBytes(xch[0].puzzleReveal)), xchCoin.puzzleHash)).toBe(true)
    const cats = await wallet.getSpendableCoins({ assetId })
    expect(cats).toHaveLength(1)
    expect(equalBytes(treeHash(programFromBytes(cats[0].puzzleReveal)), catCoin.puzzleHash)).toBe(true)
    expect(cats[0].lineageProof).toEqual({ parentName: parentCat.parentCoinInfo, innerPuzzleHash: standardPuzzleHash(pk1), amount: 1000n })
    expect(asked).toEqual([5, 5])
  })

  it('fund() calls the faucet with its address and announces an account change', async () => {
    const wallet = await burner().connector.connect()
    const events: unknown[] = []
    wallet.on((e) => events.push(e))
    expect(await wallet.fund()).toEqual({ address: wallet.address })
    expect(events).toEqual([{ type: 'accountChanged' }])
  })
})
