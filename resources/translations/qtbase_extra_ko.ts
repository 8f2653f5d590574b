<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own words that the qtbase_ko catalogue shipped with PySide6 lacks: Qt 6 gave these file-dialog
     labels accelerators, and qtbase_ko still translates them without ("Look in:", "Files of type:").
     Compiled by tools/update-translations.sh and loaded beside qtbase_ko (ui/i18n/language.py). -->
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
</TS>
