"""Reports: ``document.build`` turns a Result into the JSON document; every renderer
(text, json, ...) reads that document only, so no format can say more than the JSON."""
