// did-jwt as the reference peer for compact JWS (tests/Interop.Tests/Jose).
// stdin: one request or an array of requests; stdout: one result or an array of results (same order).
//   { "op": "sign", "alg": "ES256K" | "ES256K-R" | "EdDSA", "privateKeyHex": "…",
//     "header": { "alg": …, … }, "payload": "<base64url payload segment>" }             -> { "jws": "…" }
//   { "op": "verify", "jws": "…", "verificationMethods": [ { did-resolver VerificationMethod } ] }
//                                                 -> { "verified": true, "id": "<vm id>" } | { "verified": false, "error": "…" }
// The payload is passed already encoded: createJWS then uses it as the payload segment unchanged, so both sides
// sign the very same signing input.
import { createJWS, verifyJWS, ES256KSigner, EdDSASigner } from 'did-jwt'

function hexToBytes(hex) {
  return Uint8Array.from(Buffer.from(hex.replace(/^0x/, ''), 'hex'))
}

function signer(alg, privateKeyHex) {
  const key = hexToBytes(privateKeyHex)
  switch (alg) {
    case 'ES256K':
      return ES256KSigner(key)
    case 'ES256K-R':
      return ES256KSigner(key, true)
    case 'EdDSA':
    case 'Ed25519':
      return EdDSASigner(key)
    default:
      throw new Error(`unsupported alg ${alg}`)
  }
}

async function handle(request) {
  switch (request.op) {
    case 'sign': {
      // The header is used as given (member order included); without one, did-jwt's default {alg}.
      const header = request.header ?? { alg: request.alg }
      const jws = await createJWS(request.payload, signer(request.alg, request.privateKeyHex), header)
      return { jws }
    }
    case 'verify':
      try {
        const vm = verifyJWS(request.jws, request.verificationMethods)
        return { verified: true, id: vm.id }
      } catch (e) {
        return { verified: false, error: String(e.message ?? e) }
      }
    default:
      throw new Error(`unknown op ${request.op}`)
  }
}

let input = ''
for await (const chunk of process.stdin) input += chunk
const request = JSON.parse(input)
const result = Array.isArray(request) ? await Promise.all(request.map(handle)) : await handle(request)
process.stdout.write(JSON.stringify(result))
