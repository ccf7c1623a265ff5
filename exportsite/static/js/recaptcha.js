// reCAPTCHA v3 for the public forms, without ever standing between a buyer and
// the form: when Google's script is blocked, slow or failing (some networks and
// countries block it), the form is sent after a short wait without a token, and
// the server keeps the request for review instead of refusing it.
(function () {
  "use strict";

  var WAIT_MS = 4000;

  function token(input) {
    return new Promise(function (resolve) {
      var settled = false;
      function done(value) {
        if (!settled) {
          settled = true;
          resolve(typeof value === "string" ? value : "");
        }
      }
      window.setTimeout(done, WAIT_MS);
      var api = window.grecaptcha;
      if (!api || typeof api.ready !== "function") {
        done("");
        return;
      }
      try {
        api.ready(function () {
          try {
            api
              .execute(input.getAttribute("data-sitekey"), {
                action: input.getAttribute("data-recaptcha-action") || "submit",
              })
              .then(done, function () { done(""); });
          } catch (error) {
            done("");
          }
        });
      } catch (error) {
        done("");
      }
    });
  }

  function send(form, submitter) {
    form.setAttribute("data-recaptcha-sending", "1");
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit(submitter || undefined);
      return;
    }
    // Old browsers: form.submit() drops the pressed button, so carry it over.
    if (submitter && submitter.name) {
      var carried = document.createElement("input");
      carried.type = "hidden";
      carried.name = submitter.name;
      carried.value = submitter.value;
      form.appendChild(carried);
    }
    form.submit();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var input = form.querySelector("input.g-recaptcha[data-sitekey]");
    if (!input || form.getAttribute("data-recaptcha-sending") === "1") {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter || null;
    token(input).then(function (value) {
      input.value = value;
      send(form, submitter);
    });
  });

  // Back from the next page (bfcache): a new submit needs a new token.
  window.addEventListener("pageshow", function () {
    var forms = document.querySelectorAll("form[data-recaptcha-sending]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].removeAttribute("data-recaptcha-sending");
    }
  });
})();
