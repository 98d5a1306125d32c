/* API page: leave empty fields out of "Try it" requests (so an empty date is
   not sent as an invalid one). */
(function () {
  "use strict";
  document.querySelectorAll("form.try").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input").forEach(function (input) { input.disabled = input.value.trim() === ""; });
      window.setTimeout(function () { form.querySelectorAll("input").forEach(function (input) { input.disabled = false; }); }, 0);
    });
  });
})();
