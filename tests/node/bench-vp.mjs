// Times did-jwt-vc on the work PresentationBenchmarks measures in .NET: verify a VP-JWT (ES256K, did:ethr holder)
// and the one VC-JWT it carries (ES256K, did:ethr issuer), with a resolver that serves fixed DID documents from
// memory (resolution cached, no chain).
// stdin: { "presentation": "<jwt>", "audience": "...", "nonce": "...", "documents": { "<did>": <DID document> },
//          "seconds"?: 3 }
// stdout: { "operationsPerSecond", "microsecondsPerOperation", "operations", "node" }
import { verifyPresentation, verifyCredential } from 'did-jwt-vc'

const input = JSON.parse(await new Promise((resolve) => {
  let text = ''
  process.stdin.on('data', (chunk) => (text += chunk))
  process.stdin.on('end', () => resolve(text))
}))

const resolver = {
  resolve: async (didUrl) => {
    const did = didUrl.split('#')[0]
    const didDocument = input.documents[did] ?? null
    return {
      didResolutionMetadata: didDocument ? { contentType: 'application/did+ld+json' } : { error: 'notFound' },
      didDocument,
      didDocumentMetadata: {},
    }
  },
}

// One operation = what our PresentationVerifier does: the presentation and each credential inside it.
async function verifyOnce () {
  const vp = await verifyPresentation(input.presentation, resolver, { audience: input.audience, challenge: input.nonce })
  for (const credential of vp.verifiablePresentation.verifiableCredential) {
    await verifyCredential(credential.proof.jwt, resolver)
  }
  return vp
}

await verifyOnce() // fails loudly (non-zero exit) when the fixture does not verify
const seconds = input.seconds ?? 3
for (const end = Date.now() + 500; Date.now() < end;) await verifyOnce() // JIT warm-up

let operations = 0
const started = process.hrtime.bigint()
const budget = BigInt(Math.round(seconds * 1e9))
while (process.hrtime.bigint() - started < budget) {
  await verifyOnce()
  operations++
}
const elapsed = Number(process.hrtime.bigint() - started) / 1e9
process.stdout.write(JSON.stringify({
  operationsPerSecond: operations / elapsed,
  microsecondsPerOperation: (elapsed * 1e6) / operations,
  operations,
  node: process.version,
}))
