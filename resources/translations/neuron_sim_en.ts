<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EditActions</name>
    <message numerus="yes">
        <source>Copied %n neuron(s).</source>
        <translation>
            <numerusform>Copied %n neuron.</numerusform>
            <numerusform>Copied %n neurons.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n note(s).</source>
        <translation>
            <numerusform>Copied %n note.</numerusform>
            <numerusform>Copied %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add layer of %n</source>
        <translation>
            <numerusform>Add layer of %n</numerusform>
            <numerusform>Add layer of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connect all (%n synapses)</source>
        <translation>
            <numerusform>Connect all (%n synapse)</numerusform>
            <numerusform>Connect all (%n synapses)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected %n synapse(s), each with weight 1.</source>
        <translation>
            <numerusform>Connected %n synapse with weight 1.</numerusform>
            <numerusform>Connected %n synapses, each with weight 1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%n synapses (connections)</source>
        <translation>
            <numerusform>%n synapse (connection)</numerusform>
            <numerusform>%n synapses (connections)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n neurons</source>
        <translation>
            <numerusform>%n neuron</numerusform>
            <numerusform>%n neurons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonCard</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteView</name>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
</TS>
