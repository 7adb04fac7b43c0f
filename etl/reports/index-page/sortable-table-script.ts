/**
 * The one script index.html carries: it makes the plain table of cities sortable by clicking a
 * column header (progressive enhancement — without it the page is complete, sorted by city code).
 * Each sortable <th> has aria-sort; each cell its key in data-sort (a number in numeric columns,
 * empty for "—", which sorts last either way). A numeric column sorts high to low first (rank 1
 * on top), a text column A to Z; a second click reverses. Ties keep their order (stable sort).
 */
export const SORTABLE_TABLE_SCRIPT = `(function () {
  var table = document.getElementById('cities');
  if (!table || !table.tHead || !table.tBodies[0]) return;
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, column) {
    if (!th.hasAttribute('aria-sort')) return;
    var numeric = th.classList.contains('num');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var current = th.getAttribute('aria-sort');
      var next = current === 'ascending' ? 'descending' : current === 'descending' ? 'ascending' : numeric ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (other) { if (other.hasAttribute('aria-sort')) other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', next);
      var sign = next === 'ascending' ? 1 : -1;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { return row.cells[column].getAttribute('data-sort') || ''; };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
        if (numeric) return sign * (Number(x) - Number(y));
        return sign * x.localeCompare(y);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();`;
