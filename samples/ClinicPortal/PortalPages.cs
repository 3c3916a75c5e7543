using System.Security.Claims;
using System.Text.Encodings.Web;
using Identity.Verifier.Claims;

namespace ClinicPortal;

/// <summary>The portal's two pages: plain HTML and a little script, no build step.</summary>
internal static class PortalPages
{
    /// <summary>
    /// The sign-in page: fetches a challenge, shows its nonce and audience, takes a presentation (pasted, a file the
    /// wallet exported, or a wallet in the browser that defines <c>window.identityWallet.present({ nonce, audience })</c>),
    /// posts it as a bearer token to /auth/signin and, once the cookie is set, opens the patient page.
    /// </summary>
    public const string SignIn = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Clinic portal: sign in</title>
          <style>body{font-family:sans-serif;max-width:44rem;margin:2rem auto}textarea{width:100%;height:8rem}code{word-break:break-all}</style>
        </head>
        <body>
          <h1>Sign in with your credentials</h1>
          <p>Create a presentation for this challenge in your wallet, for example
             <code>identity vp create --key patient.jwk --credential vc.jwt --challenge <span id="challenge-url"></span></code>.</p>
          <dl>
            <dt>Nonce</dt><dd><code id="nonce">…</code></dd>
            <dt>Audience</dt><dd><code id="audience">…</code></dd>
            <dt>Expires</dt><dd><span id="expires">…</span></dd>
          </dl>
          <p><button id="refresh" type="button">New challenge</button>
             <button id="wallet" type="button" hidden>Use the wallet in this browser</button></p>
          <p><label for="file">Presentation file</label> <input id="file" type="file" accept=".jwt,.txt,text/plain"></p>
          <p><label for="presentation">or paste it</label><br><textarea id="presentation" spellcheck="false"></textarea></p>
          <p><button id="signin" type="button">Sign in</button></p>
          <p id="error" role="alert"></p>
          <script>
          const $ = (id) => document.getElementById(id);
          let challenge = null;
          async function loadChallenge(keepError) {
            if (!keepError) $('error').textContent = '';
            const response = await fetch('/auth/challenge', { cache: 'no-store' });
            if (!response.ok) { $('error').textContent = 'No challenge (' + response.status + ')'; return; }
            challenge = await response.json();
            $('nonce').textContent = challenge.nonce;
            $('audience').textContent = challenge.audience;
            $('expires').textContent = challenge.expiresAt;
          }
          $('challenge-url').textContent = location.origin + '/auth/challenge';
          $('refresh').onclick = () => loadChallenge(false);
          $('file').onchange = async () => { const f = $('file').files[0]; if (f) $('presentation').value = (await f.text()).trim(); };
          if (window.identityWallet && typeof window.identityWallet.present === 'function') {
            $('wallet').hidden = false;
            $('wallet').onclick = async () => { $('presentation').value = await window.identityWallet.present({ nonce: challenge.nonce, audience: challenge.audience }); };
          }
          $('signin').onclick = async () => {
            const presentation = $('presentation').value.trim();
            if (!presentation) { $('error').textContent = 'Paste or choose a presentation first.'; return; }
            const response = await fetch('/auth/signin', { method: 'POST', headers: { Authorization: 'Bearer ' + presentation } });
            if (response.ok) { location.href = '/patient'; return; }
            const header = response.headers.get('WWW-Authenticate') || '';
            const match = /error_description="([^"]*)"/.exec(header);
            $('error').textContent = 'Refused: ' + (match ? match[1] : response.status);
            // A nonce is spent or refused once presented: the next attempt needs a new challenge.
            await loadChallenge(true);
          };
          loadChallenge(false);
          </script>
        </body>
        </html>
        """;

    /// <summary>The protected page: who signed in and with which credentials (values HTML-encoded).</summary>
    public static string Patient(ClaimsPrincipal user)
    {
        var html = HtmlEncoder.Default;
        var holder = html.Encode(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        var name = html.Encode(user.FindFirstValue(ClaimTypes.Name) ?? "patient");
        var types = string.Join("", user.FindAll(VerifiablePresentationClaimTypes.CredentialType)
            .Where(c => c.Value != "VerifiableCredential")
            .Select(c => "<li>" + html.Encode(c.Value) + "</li>"));
        return $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Clinic portal</title></head>
            <body>
              <h1 id="welcome">Welcome, {{name}}</h1>
              <p>Signed in as <code id="holder">{{holder}}</code></p>
              <ul id="credentials">{{types}}</ul>
              <p><button id="signout" type="button" onclick="fetch('/auth/signout',{method:'POST'}).then(()=>location.href='/signin')">Sign out</button></p>
            </body>
            </html>
            """;
    }
}
