import { it } from 'vitest';
import { testApp } from '/work/main/test/api/helpers.ts';
it('smoke', async () => {
  const t = await testApp();
  for (const p of ['/', '/routes/hk.qmas', '/assess/hk.qmas', '/assess/hk.qmas/date-of-birth', '/assess/hk.qmas/nationality']) {
    const res = await t.app.request(p);
    const text = await res.text();
    console.log(p, res.status, text.length, text.slice(0, 300).replace(/\n/g,' '));
    if (res.status >= 500) console.log(text);
  }
  await t.close();
});
