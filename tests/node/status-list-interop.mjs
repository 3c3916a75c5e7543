// @digitalbazaar/vc-bitstring-status-list 2 (and its @digitalbazaar/bitstring 3) as the reference peer for
// Bitstring Status List encodedList values (tests/Interop.Tests/Credentials).
// stdin: one request or an array of requests; stdout: one result or an array of results (same order).
//   { "op": "decode", "encodedList", "indexes": [n…] } -> { "length", "set": [the indexes among those given that are set], "count": <set bits in the whole list> }
//   { "op": "encode", "length", "set": [n…] } -> { "encodedList" }
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list'

async function handle(request) {
  switch (request.op) {
    case 'decode': {
      const list = await decodeList({ encodedList: request.encodedList })
      let count = 0
      for (let i = 0; i < list.length; i++) if (list.getStatus(i)) count++
      return { length: list.length, set: request.indexes.filter((i) => list.getStatus(i)), count }
    }
    case 'encode': {
      const list = await createList({ length: request.length })
      for (const index of request.set) list.setStatus(index, true)
      return { encodedList: await list.encode() }
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
