/**
 * The public site's one stylesheet, inlined in every page (one round trip on a slow network). System
 * fonts only; logical properties so that one sheet serves right-to-left and left-to-right; sizes in
 * rem so that 200% zoom reflows instead of overflowing. Colours meet WCAG 2.1 AA contrast.
 */
export const PUBLIC_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Tahoma,"Noto Sans Arabic","Noto Naskh Arabic",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#f6f7f9;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:#0b5394}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-999rem}
.skip:focus{inset-inline-start:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:2}
header.site{background:#0b5394;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
header.site a{color:#fff}
.brand{font-weight:700;font-size:1.15rem;text-decoration:none}
nav.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}
h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
form.panel,section.panel,article.card{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input,select,textarea{font:inherit;width:100%;padding:.55rem .6rem;border:1px solid #6b7280;border-radius:.375rem;background:#fff;color:inherit}
textarea{min-height:6rem}
input[type=checkbox],input[type=radio]{width:auto;margin-inline-end:.5rem}
.check{display:flex;align-items:flex-start;font-weight:400}
button,.button{font:inherit;font-weight:600;display:inline-block;padding:.6rem 1.2rem;border-radius:.375rem;border:0;background:#0b5394;color:#fff;cursor:pointer;text-decoration:none;min-height:2.75rem}
button.secondary,.button.secondary{background:#fff;color:#0b5394;border:2px solid #0b5394}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
.hint{color:#4b5563;font-size:.9rem;margin:.25rem 0 0}
.error{color:#a11d1d;font-weight:600}
.notice{border-inline-start:.3rem solid #0b5394;background:#eef4fb;padding:.75rem 1rem;margin:0 0 1rem}
.notice.bad{border-color:#a11d1d;background:#fdf0f0}
.notice.good{border-color:#1e6b34;background:#eef8f1}
ol.results{list-style:none;margin:0;padding:0}
.card h2,.card h3{margin:0 0 .25rem;font-size:1.1rem}
.meta{color:#374151;margin:.25rem 0}
.tags{display:flex;flex-wrap:wrap;gap:.25rem;margin:.5rem 0 0;padding:0;list-style:none}
.tags li{background:#eef2f7;border-radius:1rem;padding:.1rem .6rem;font-size:.85rem}
.badge{display:inline-block;border-radius:1rem;padding:.1rem .6rem;font-size:.85rem;font-weight:600;background:#1e6b34;color:#fff}
.badge.limited{background:#8a4b00}
.badge.full{background:#a11d1d}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.pager{display:flex;gap:1rem;justify-content:space-between;margin:1rem 0}
.map img{width:100%;height:auto;border:1px solid #d0d5dd;border-radius:.5rem;background:#fff}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.trap{position:absolute;inset-inline-start:-999rem}
footer.site{max-width:60rem;margin:2rem auto;padding:1rem;color:#4b5563;font-size:.9rem;border-top:1px solid #d0d5dd}
[hidden]{display:none!important}
`.replace(/\n/g, '');
