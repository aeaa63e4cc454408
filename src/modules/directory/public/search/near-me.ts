/**
 * The "near me" button's script, the public site's only script: served from /near-me.js because
 * the content security policy forbids inline scripts. It shows the button (hidden without
 * JavaScript), asks the browser for the position, and submits the search form with
 * `near=lat,lon` (three decimals, about 100 m: enough to sort by distance). Its messages come from
 * the button's data attributes, so the script has no words of its own and serves both languages.
 */
import { compressPage } from '../page-cache.ts';

const SOURCE = `(function () {
  var button = document.getElementById('near-me');
  var status = document.getElementById('near-status');
  if (!button || !status || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    var form = button.form;
    status.textContent = button.getAttribute('data-asking');
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var input = form.querySelector('input[name="near"]');
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'near';
        form.appendChild(input);
      }
      input.value = position.coords.latitude.toFixed(3) + ',' + position.coords.longitude.toFixed(3);
      form.submit();
    }, function () {
      button.disabled = false;
      status.textContent = button.getAttribute('data-denied');
    }, { timeout: 20000, maximumAge: 600000 });
  });
})();
`;

export const nearMeScript = compressPage(SOURCE);
