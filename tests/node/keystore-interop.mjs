// Key store interop with ethers 6: reads one JSON request on stdin, prints one JSON answer.
//   {"op":"decrypt","json":"<keystore>","password":"..."}            -> {"privateKey":"0x…","address":"0x…"}
//   {"op":"encrypt","privateKey":"0x…","password":"...","n":1024}    -> the keystore JSON (n omitted: Wallet.encrypt's default)
import { Wallet, encryptKeystoreJson } from "ethers";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);

if (request.op === "decrypt") {
  const wallet = await Wallet.fromEncryptedJson(request.json, request.password);
  process.stdout.write(JSON.stringify({ privateKey: wallet.privateKey, address: wallet.address }));
} else if (request.op === "encrypt") {
  const wallet = new Wallet(request.privateKey);
  const json = request.n
    ? await encryptKeystoreJson({ address: wallet.address, privateKey: wallet.privateKey }, request.password, { scrypt: { N: request.n } })
    : await wallet.encrypt(request.password);
  process.stdout.write(json);
} else {
  process.stderr.write(`unknown op ${request.op}\n`);
  process.exit(2);
}
