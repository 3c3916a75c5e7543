// did-jwt-vc 4 as the reference peer for VC-JWT / VP-JWT (tests/Interop.Tests/Credentials).
// stdin: one request or an array of requests; stdout: one result or an array of results (same order).
// DID documents come with each request ("didDocuments": { "<did>": { …document… } }) and are served by a small
// did-resolver method resolver, so that no network is involved.
//   { "op": "verifyCredential", "jwt", "didDocuments", "policies"? }
//        -> { "verified": true, "issuer", "signer": "<vm id>", "credential": <normalized, proof removed> }
//         | { "verified": false, "error" }
//   { "op": "verifyPresentation", "jwt", "didDocuments", "challenge"?, "domain"? }
//        -> { "verified": true, "holder", "signer", "presentation": <normalized, proof removed> } | { "verified": false, "error" }
//   { "op": "createCredential", "payload", "did", "alg", "privateKeyHex", "kid"? } -> { "jwt" }
//   { "op": "createPresentation", "payload", "did", "alg", "privateKeyHex", "kid"?, "challenge"?, "domain"? } -> { "jwt" }
//   { "op": "normalizeCredential", "jwt" } -> { "credential": <normalized, proof removed> }
import { Resolver } from 'did-resolver'
import { ES256KSigner, EdDSASigner, ES256Signer } from 'did-jwt'
import {
  createVerifiableCredentialJwt,
  createVerifiablePresentationJwt,
  verifyCredential,
  verifyPresentation,
  normalizeCredential,
} from 'did-jwt-vc'

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
      return EdDSASigner(key)
    case 'ES256':
      return ES256Signer(key)
    default:
      throw new Error(`unsupported alg ${alg}`)
  }
}

// One resolver per request: every DID method name found in the documents resolves from them, nothing else.
function resolver(didDocuments = {}) {
  const resolve = async (did) => {
    const didDocument = didDocuments[did]
    return didDocument
      ? { didResolutionMetadata: { contentType: 'application/did+ld+json' }, didDocument, didDocumentMetadata: {} }
      : { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} }
  }
  const methods = {}
  for (const did of Object.keys(didDocuments)) methods[did.split(':')[1]] = resolve
  return new Resolver(methods)
}

function withoutProof(document) {
  const { proof, ...rest } = document
  return rest
}

function issuer(request) {
  return { did: request.did, signer: signer(request.alg, request.privateKeyHex), alg: request.alg }
}

async function handle(request) {
  switch (request.op) {
    case 'verifyCredential':
      try {
        const verified = await verifyCredential(request.jwt, resolver(request.didDocuments), {
          proofPurpose: 'assertionMethod',
          policies: request.policies,
        })
        return {
          verified: true,
          issuer: verified.issuer,
          signer: verified.signer.id,
          credential: withoutProof(verified.verifiableCredential),
        }
      } catch (e) {
        return { verified: false, error: String(e.message ?? e) }
      }
    case 'verifyPresentation':
      try {
        const verified = await verifyPresentation(request.jwt, resolver(request.didDocuments), {
          proofPurpose: 'authentication',
          challenge: request.challenge,
          domain: request.domain,
        })
        const presentation = withoutProof(verified.verifiablePresentation)
        presentation.verifiableCredential = (presentation.verifiableCredential ?? []).map(withoutProof)
        return { verified: true, holder: verified.issuer, signer: verified.signer.id, presentation }
      } catch (e) {
        return { verified: false, error: String(e.message ?? e) }
      }
    case 'createCredential': {
      const header = request.kid ? { kid: request.kid } : undefined
      return { jwt: await createVerifiableCredentialJwt(request.payload, issuer(request), { header }) }
    }
    case 'createPresentation': {
      const header = request.kid ? { kid: request.kid } : undefined
      const jwt = await createVerifiablePresentationJwt(request.payload, issuer(request), {
        header,
        challenge: request.challenge,
        domain: request.domain,
      })
      return { jwt }
    }
    case 'normalizeCredential':
      return { credential: withoutProof(normalizeCredential(request.jwt)) }
    default:
      throw new Error(`unknown op ${request.op}`)
  }
}

let input = ''
for await (const chunk of process.stdin) input += chunk
const request = JSON.parse(input)
const result = Array.isArray(request) ? await Promise.all(request.map(handle)) : await handle(request)
process.stdout.write(JSON.stringify(result))
