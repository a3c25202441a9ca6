// Progressive enhancement for the document register (van-ban/): shows the
// filter form (hidden without JavaScript) and hides table rows that do not
// match the chosen type, year and issuer. The plain table works without it.
(function () {
  "use strict";
  var form = document.querySelector("[data-role=loc-van-ban]");
  var table = document.querySelector("[data-role=danh-sach-van-ban]");
  if (!form || !table) return;
  var selects = form.querySelectorAll("select[data-filter]");
  var status = form.querySelector("[data-role=so-ket-qua]");
  var rows = table.tBodies[0].rows;

  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = true;
      for (var j = 0; j < selects.length; j++) {
        var want = selects[j].value;
        if (want && row.getAttribute("data-" + selects[j].getAttribute("data-filter")) !== want) ok = false;
      }
      row.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = "Đang hiển thị " + shown + " trên " + rows.length + " văn bản.";
  }

  for (var k = 0; k < selects.length; k++) selects[k].addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.hidden = false;
})();
