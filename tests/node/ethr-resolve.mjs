// Resolves DIDs with ethr-did-resolver (the reference) against a local chain, for parity tests and benchmarks.
// stdin: { "networks": [{ "name", "chainId", "rpcUrl", "registry" }], "dids": ["did:ethr:...", ...],
//          "accept"?: "application/did+json", "repeat"?: N }
// stdout: { "results": [DIDResolutionResult, ...], "millisecondsPerResolution": [..] }
import { Resolver } from 'did-resolver'
import { getResolver } from 'ethr-did-resolver'

const input = JSON.parse(await new Promise((resolve) => {
  let text = ''
  process.stdin.on('data', (chunk) => (text += chunk))
  process.stdin.on('end', () => resolve(text))
}))

const resolver = new Resolver(getResolver({
  networks: input.networks.map((n) => ({ name: n.name, chainId: n.chainId, rpcUrl: n.rpcUrl, registry: n.registry })),
}), { cache: false })

const options = input.accept ? { accept: input.accept } : {}
const repeat = input.repeat ?? 1
const results = []
const millisecondsPerResolution = []
for (const did of input.dids) {
  let result
  const started = process.hrtime.bigint()
  for (let i = 0; i < repeat; i++) {
    result = await resolver.resolve(did, options)
  }
  millisecondsPerResolution.push(Number(process.hrtime.bigint() - started) / 1e6 / repeat)
  results.push(result)
}
process.stdout.write(JSON.stringify({ results, millisecondsPerResolution }, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))
