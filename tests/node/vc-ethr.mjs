// Issues and verifies VC-JWTs / VP-JWTs with did-jwt-vc (the reference) against a local chain, resolving did:ethr
// with ethr-did-resolver, for the verification engine's interop tests.
// stdin: { "networks": [{ "name", "chainId", "rpcUrl", "registry" }], "ops": [op, ...] } where op is one of
//   { "op": "issueVc", "alg": "ES256K"|"ES256K-R"|"EdDSA", "key": hex private key (Ed25519: 32-byte seed),
//     "did": issuer DID, "payload": JwtCredentialPayload, "header"?: {...} }
//   { "op": "issueVp", same, "payload": JwtPresentationPayload, "domain"?: aud, "challenge"?: nonce }
//   { "op": "verifyVc", "jwt", "now"?: unix seconds }
//   { "op": "verifyVp", "jwt", "domain", "challenge", "now"?: unix seconds } (then each embedded credential)
// stdout: { "results": [ { "jwt" } | { "verified": true, "signer": method id } | { "verified": false, "error": message } ] }
import { Resolver } from 'did-resolver'
import { getResolver } from 'ethr-did-resolver'
import { ES256KSigner, EdDSASigner } from 'did-jwt'
import {
  createVerifiableCredentialJwt,
  createVerifiablePresentationJwt,
  verifyCredential,
  verifyPresentation,
} from 'did-jwt-vc'

const input = JSON.parse(await new Promise((resolve) => {
  let text = ''
  process.stdin.on('data', (chunk) => (text += chunk))
  process.stdin.on('end', () => resolve(text))
}))

const resolver = new Resolver(getResolver({
  networks: input.networks.map((n) => ({ name: n.name, chainId: n.chainId, rpcUrl: n.rpcUrl, registry: n.registry })),
}), { cache: false })

const bytes = (hex) => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ''), 'hex'))

function signerOf(op) {
  switch (op.alg) {
    case 'ES256K': return ES256KSigner(bytes(op.key), false)
    case 'ES256K-R': return ES256KSigner(bytes(op.key), true)
    case 'EdDSA': return EdDSASigner(bytes(op.key))
    default: throw new Error(`unknown alg ${op.alg}`)
  }
}

async function run(op) {
  switch (op.op) {
    case 'issueVc':
      return {
        jwt: await createVerifiableCredentialJwt(op.payload, { did: op.did, signer: signerOf(op), alg: op.alg }, { header: op.header }),
      }
    case 'issueVp':
      return {
        jwt: await createVerifiablePresentationJwt(op.payload, { did: op.did, signer: signerOf(op), alg: op.alg },
          { domain: op.domain, challenge: op.challenge, header: op.header }),
      }
    case 'verifyVc': {
      const policies = op.now ? { now: op.now } : {}
      try {
        const verified = await verifyCredential(op.jwt, resolver, { policies })
        return { verified: true, signer: verified.signer.id }
      } catch (e) {
        return { verified: false, error: e.message }
      }
    }
    case 'verifyVp': {
      const policies = op.now ? { now: op.now } : {}
      try {
        const verified = await verifyPresentation(op.jwt, resolver, { domain: op.domain, challenge: op.challenge, policies })
        // verifyPresentation does not look inside: a did-jwt-vc verifier checks each credential on its own.
        for (const vc of verified.verifiablePresentation.verifiableCredential ?? []) {
          await verifyCredential(typeof vc === 'string' ? vc : vc.proof.jwt, resolver, { policies })
        }
        return { verified: true, signer: verified.signer.id }
      } catch (e) {
        return { verified: false, error: e.message }
      }
    }
    default:
      throw new Error(`unknown op ${op.op}`)
  }
}

const results = []
for (const op of input.ops) {
  results.push(await run(op))
}
process.stdout.write(JSON.stringify({ results }))
