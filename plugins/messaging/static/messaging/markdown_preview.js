// Message templates in the admin: "Insert placeholder" buttons put the placeholder at the
// cursor, and the preview is rendered by the portal a moment after typing stops.
(function () {
  "use strict";

  function insertAtCursor(field, text) {
    var start = field.selectionStart || 0;
    var end = field.selectionEnd || 0;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.selectionStart = field.selectionEnd = start + text.length;
    field.focus();
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function bindPreview(preview) {
    var field = document.getElementById(preview.dataset.previewFor);
    var timer = null;
    if (!field) return;
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new FormData();
        body.append("text", field.value);
        fetch(preview.dataset.previewUrl, {
          method: "POST",
          body: body,
          headers: { "X-CSRFToken": csrfToken() },
          credentials: "same-origin",
        })
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (html) { preview.innerHTML = html; });
      }, 400);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-insert]");
    if (!button) return;
    var box = button.closest("[data-insert-for]");
    var field = box && document.getElementById(box.dataset.insertFor);
    if (field) insertAtCursor(field, button.dataset.insert);
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-preview-for]").forEach(bindPreview);
  });
})();
