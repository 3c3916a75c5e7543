// Builds what a did-jwt-vc wallet would present to the clinic portal: a VC-JWT issued by did-jwt-vc and a VP-JWT
// around it for the portal's challenge (domain -> aud, challenge -> nonce), so the verifier tests can check that a
// presentation made by the reference library is accepted.
// stdin: { "issuer": { "did", "key" }, "holder": { "did", "key" }, "subject": {...claims}, "type": "...",
//          "audience": "...", "nonce": "..." }   (keys: hex secp256k1 private keys, signed ES256K)
// stdout: { "vc": jwt, "vp": jwt }
import { ES256KSigner } from 'did-jwt'
import { createVerifiableCredentialJwt, createVerifiablePresentationJwt } from 'did-jwt-vc'

const input = JSON.parse(await new Promise((resolve) => {
  let text = ''
  process.stdin.on('data', (chunk) => (text += chunk))
  process.stdin.on('end', () => resolve(text))
}))

const bytes = (hex) => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ''), 'hex'))
const signer = (party) => ({ did: party.did, signer: ES256KSigner(bytes(party.key)), alg: 'ES256K' })

const vc = await createVerifiableCredentialJwt({
  sub: input.holder.did,
  nbf: Math.floor(Date.now() / 1000) - 60,
  vc: {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiableCredential', input.type],
    credentialSubject: input.subject,
  },
}, signer(input.issuer))

const vp = await createVerifiablePresentationJwt({
  vp: {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    type: ['VerifiablePresentation'],
    verifiableCredential: [vc],
  },
}, signer(input.holder), { domain: input.audience, challenge: input.nonce })

process.stdout.write(JSON.stringify({ vc, vp }))
