// The article page: a click on a mark shows its records (speaker, kind, confidence) under the text.
document.addEventListener("DOMContentLoaded", function () {
  var details = document.getElementById("quote-details");
  var text = document.getElementById("article-text");
  if (!details || !text) { return; }
  text.addEventListener("click", function (event) {
    var mark = event.target.closest("[data-quote-id]");
    if (!mark) { return; }
    event.preventDefault();
    text.querySelectorAll(".hl.active").forEach(function (el) { el.classList.remove("active"); });
    details.textContent = "";
    mark.dataset.quoteId.split(" ").forEach(function (id) {
      var row = document.getElementById("q-" + id);
      if (!row) { return; }
      text.querySelectorAll("[data-quote-id]").forEach(function (el) {
        if (el.dataset.quoteId.split(" ").indexOf(id) >= 0) { el.classList.add("active"); }
      });
      var line = document.createElement("p");
      line.className = "quote-detail";
      line.dataset.quoteId = id;
      var link = document.createElement("a");
      link.href = row.dataset.rowUrl;
      link.textContent = "#" + id;
      line.appendChild(link);
      line.appendChild(document.createTextNode(
        " " + (row.dataset.speaker || "no speaker") + " · " + row.dataset.kind +
        " · confidence " + row.dataset.confidence + (row.classList.contains("low") ? " (low)" : "")));
      details.appendChild(line);
    });
    details.hidden = false;
  });
});
