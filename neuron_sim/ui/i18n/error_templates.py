"""Every error message template of the model (and of the UI's own errors), for lupdate.

The model is Qt-free, so its ModelError / NetworkFileError templates (neuron_sim/model/messages.py)
are English text at the raise site; they are marked here so that pyside6-lupdate extracts them
into the translations, under the context "ErrorMessages", and neuron_sim/ui/i18n/errors.py translates
them when shown. tests/ui/test_errors.py keeps this list equal to the templates in the code (and
prints the lines to add when a new raise site appears).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "ErrorMessages"

TEMPLATES = (
    # commands.py
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no parameter {name!r} to set"),
    QT_TRANSLATE_NOOP("ErrorMessages", "nothing to add"),
    # model/analysis.py
    QT_TRANSLATE_NOOP("ErrorMessages", "rate_breakdown needs a rate engine"),
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no neuron with id {id!r} in the running network"),
    QT_TRANSLATE_NOOP("ErrorMessages", "spiking_state needs a spiking engine"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the time step and the duration must be positive"),
    # model/codegen
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} export does not carry plasticity yet: synapse {source} → {target_id} learns with STDP"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} export does not carry current synapses yet: synapse {source} → "
                                       "{target_id} is a {kind} synapse"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} export does not carry current sources yet: generator {id} sends a "
                                       "current ({pattern})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} export does not carry adaptation yet: {id} adapts"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} export does not carry bounds on v yet: {id} has v_min_mV or v_max_mV"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the network has no neurons: there is nothing to export"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} runs rate networks and this one is spiking; export it to Brian2 or PyNN"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target} runs spiking networks and this one is a rate network; export it to "
                                       "Keras or PyTorch"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{target}: the network has no inputs, and a {target} model needs at least one"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Keras computes feedforward networks and this one updates synchronously; "
                                       "export it to PyTorch, which runs one tick at a time"),
    # model/lessons
    QT_TRANSLATE_NOOP("ErrorMessages", "a lesson needs at least one page"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a truth table has 1 to {most} inputs, not {count}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected \"{name}\", got {value}; this is not a neuron-sim lesson file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no example called {name}"),
    # model/editing.py
    QT_TRANSLATE_NOOP("ErrorMessages", "the clipboard does not hold neurons"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a layer has 1 to 256 neurons, not {count}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{label} is {kind:w}: nothing can connect to it"),
    QT_TRANSLATE_NOOP("ErrorMessages", "select two groups of neurons side by side (for example 3 inputs and 2 "
                                       "neurons)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the selected neurons stand in one column; select a column to connect from and "
                                       "a column to its right to connect to"),
    QT_TRANSLATE_NOOP("ErrorMessages", "these neurons are already fully connected"),
    # model/entities.py
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a whole number, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is below the minimum {minimum:g}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is above the maximum {maximum:g}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected true or false, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown value {value}; expected one of {options}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected text, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "text longer than {limit} characters"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected [x, y], got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the text holds an invalid character (U+{code:04X}) at position {position}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a number, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is far too large a number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a finite number, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is not a valid id (1-64 letters, digits, '_', '-', '.', ':')"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a plasticity object or null, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "w_min {w_min:g} is above w_max {w_max:g}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the synapse {source} → {target} is a {kind} synapse; only delta synapses "
                                       "can learn (STDP)"),
    # model/fileformat.py
    QT_TRANSLATE_NOOP("ErrorMessages", "could not save: {reason:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "plasticity needs file format version 2 (this file is version {version})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "notes need file format version 3 (this file is version {version})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the network is too large to save: its file would be {size:.1f} MB, and a "
                                       "network file may be at most {limit} MB; remove neurons or synapses, or "
                                       "shorten labels"),
    QT_TRANSLATE_NOOP("ErrorMessages", "is a folder, not a network file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no such file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "permission denied"),
    QT_TRANSLATE_NOOP("ErrorMessages", "could not read: {reason:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no file name was given"),
    QT_TRANSLATE_NOOP("ErrorMessages", "is not a regular file (a pipe, a device or a socket), so it cannot be a "
                                       "network file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the file is {size:.0f} MB, far too large to be a network (the limit is "
                                       "{limit} MB)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the file is far too large to be a network (the limit is {limit} MB)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not UTF-8 text (bad byte at offset {offset})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not valid JSON at line {line}, column {column}: the file ends too early "
                                       "(truncated?)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not valid JSON at line {line}, column {column}: {reason:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not valid JSON: {reason}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the key {key} appears twice in one object"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not valid JSON at line {line}, column {column}: nested more than {limit} "
                                       "levels deep"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not valid JSON: nested more than {limit} levels deep"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a JSON object at the top, got {type:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", 'expected "{name}", got {value}; this is not a neuron-sim network file'),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is newer than this neuron-sim reads (up to {newest}); please update "
                                       "neuron-sim"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is not a valid version"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown field {name} at the top level"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected an object, got {type:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the field 'id' is missing"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the id {id!r} is used twice"),
    QT_TRANSLATE_NOOP("ErrorMessages", 'generators belong to spiking networks, and this one is "{model}"'),
    QT_TRANSLATE_NOOP("ErrorMessages", "the field {name!r} is missing"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no neuron has the id {id!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{source} → {target} is connected twice"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{id!r} is {kind:w}, which cannot receive synapses"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown field {name}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a list, got {type:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} entries is more than the {limit:,} a network may hold"),
    # model/synapse_table.py
    QT_TRANSLATE_NOOP("ErrorMessages", "a table of synapses needs file format version 4 (this file is version {version})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a table of synapses cannot hold learning rules; synapses that learn are "
                                       "written as a list of objects"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} entries, but synapses.source has {expected}: each column holds one "
                                       "entry per synapse"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a neuron's index (a whole number), got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "no neuron has the index {index} (the file has {count} neurons, numbered "
                                       "from 0)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a list, or an object with one field {name} holding base64 text; "
                                       "got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not valid base64 text"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{size} bytes are not a whole number of {name} values ({width} bytes each)"),
    # model/neuronify
    QT_TRANSLATE_NOOP("ErrorMessages", "Neuronify runs spiking networks and this one is a rate network; switch "
                                       "it to spiking (Simulation menu) to save it as a Neuronify file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected a list, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected an object, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected the index of a node, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected the name of a Neuronify item, got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not a statement of a Neuronify file: {text}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the field {name!r} is missing; this is not a Neuronify circuit"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the node has no type (its \"filename\" is missing)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the properties of {name} are not valid JSON"),
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no node {index}: the file has {count} nodes (0 to {last})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "this is not a Neuronify file: Neuronify's .nfy files are JSON objects "
                                       "with \"nodes\" and \"edges\""),
    QT_TRANSLATE_NOOP("ErrorMessages", "this is not a Neuronify file: expected a JSON object at the top"),
    QT_TRANSLATE_NOOP("ErrorMessages", "this is a sketch of a file format ({section} in braces), not a circuit: no "
                                       "version of Neuronify reads it"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown Neuronify connection {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown Neuronify item {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} lines is more than a network file may hold"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × Neuronify's first neuron model: imported as leaky neurons "
                                       "with Neuronify's standard values"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a camera input (Retina): neuron-sim has no camera; left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a cell with both excitatory and inhibitory synapses: a "
                                       "Neuronify cell is one or the other; written as excitatory, each "
                                       "synapse with the size of its weight"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a conductance synapse of a version 1–2 file: imported as a "
                                       "current synapse whose current is taken at the target's resting "
                                       "potential"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a connection neuron-sim cannot draw (to a source, a sensor "
                                       "or a note); left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a connection to or from an item neuron-sim left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a current source: this neuron-sim has no current sources; "
                                       "its R·I is the constant drive of the cell it feeds"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a current synapse: this neuron-sim has no current synapses; "
                                       "imported as a jump of v with the same charge"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a generator's start time or seed: Neuronify's generators "
                                       "start at once with a random seed; left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a link to the next tutorial: left out (open that file on its own)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a loudspeaker: neuron-sim plays no sound; left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a note longer than a neuron-sim note holds (5000 characters): "
                                       "cut there"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a meter on an item neuron-sim left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a second connection between the same two cells: neuron-sim "
                                       "keeps one synapse from a cell to another; left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a synapse that learns (STDP): Neuronify's synapses do not "
                                       "learn; written with its start weight"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × a synapse that makes v jump: Neuronify's synapses are "
                                       "currents; written as a current of the same charge with τ = 1 ms"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × an alternating current source: this neuron-sim has no AC "
                                       "sources; left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × an ammeter: neuron-sim has no current meter; left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × an empty item of the first Neuronify files: left out"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × an input: written as a touch sensor, which fires while touched"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × the adaptation current of an adaptive neuron: this "
                                       "neuron-sim has no adaptation; imported as leaky neurons"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{count} × the bursting current of a burst neuron: neuron-sim has no "
                                       "bursting current; imported as leaky neurons"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{name} is not created before it is connected"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value:g} is outside the canvas (±{limit:g})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value:g} s is not a positive time constant"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value:g} {unit} is not positive"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value:g} {unit} is outside the range neuron-sim takes for {name} "
                                       "({low:g} to {high:g})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{value} is newer than the Neuronify files neuron-sim reads (versions 1 "
                                       "to {newest})"),
    # model/file_reading.py
    QT_TRANSLATE_NOOP("ErrorMessages", "the file is {size:,.1f} MB, and opening it would take about {need:.1f} GB of "
                                       "memory; at most {limit:.1f} GB may be used (half of this computer's memory). "
                                       "Open it on a computer with more memory, or save the network there with fewer "
                                       "synapses"),
    # model/limits.py
    QT_TRANSLATE_NOOP("ErrorMessages", "this would make {count:,} neurons, and a network may hold at most {limit:,}; "
                                       "delete neurons first, or add fewer"),
    QT_TRANSLATE_NOOP("ErrorMessages", "this would make {count:,} synapses, and a network may hold at most {limit:,}; "
                                       "delete synapses first, or connect fewer neurons"),
    # model/network.py
    QT_TRANSLATE_NOOP("ErrorMessages", "the network has a loop ({path}), so it has no feedforward order; use the "
                                       "synchronous update scheme for networks with loops"),
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no neuron with id {id!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no synapse {source} → {target}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "add_neuron needs a Neuron"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a neuron with id {id!r} already exists"),
    QT_TRANSLATE_NOOP("ErrorMessages", "connect needs a Synapse"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{source} is already connected to {target}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{label} is {kind:w}: it has no dendrites, so nothing can connect to it"),
    QT_TRANSLATE_NOOP("ErrorMessages", "neurons have no parameter {name!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{label} has incoming synapses; {kind:w} cannot receive any. Remove them first"),
    QT_TRANSLATE_NOOP("ErrorMessages", "synapses have no parameter {name!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "networks have no parameter {name!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "spike generators belong to spiking networks; switch the model to spiking "
                                       "first (or remove the generators before switching to rate)"),
    # model/notes.py
    QT_TRANSLATE_NOOP("ErrorMessages", "expected [width, height], got {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "notes have no parameter {name!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no note with id {id!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "add_note needs a Note"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a note with id {id!r} already exists"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a network holds at most {limit:,} notes"),
    # model/engines/rate.py
    QT_TRANSLATE_NOOP("ErrorMessages", "this is a spiking network; use the spiking engine"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the number of steps cannot be negative"),
    # model/simulate.py
    QT_TRANSLATE_NOOP("ErrorMessages", "--duration-ms is for spiking networks; rate networks count --steps"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the duration must be zero or more milliseconds, got {duration:g}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{duration:g} ms is {steps:.3g} steps of {dt:g} ms; the most a run may take is "
                                       "{limit:,} steps"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the number of steps must be between 0 and {limit:,}, got {steps}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{steps:,} steps × {neurons:,} neurons is too large a table to print"),
    # model/run_memory.py
    QT_TRANSLATE_NOOP("ErrorMessages", "this run would need about {need:.1f} GB of memory, mostly for {part:w}; at most "
                                       "{limit:.1f} GB may be used (half of this computer's memory). Run fewer steps, "
                                       "make the longest synaptic delay shorter or the time step larger, or use fewer "
                                       "neurons or synapses"),
    QT_TRANSLATE_NOOP("ErrorMessages", "expected ID=VALUE, ID.PARAMETER=VALUE or SOURCE->TARGET.weight=VALUE"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{id} is not an input; name the parameter, e.g. {id}.threshold=0.5"),
    QT_TRANSLATE_NOOP("ErrorMessages", "synapses have no parameter {name!r} (they have {names})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "neurons have no parameter {name!r} (they have {names})"),
    # model/training/data.py
    QT_TRANSLATE_NOOP("ErrorMessages", "is a folder, not a data file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row} has {count} values, the header {expected}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row} is not valid CSV (check its quotes)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column} ({name}) is empty"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column} ({name}): {value} is not a number from -1e6 to 1e6"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column} ({name}): {value} is not a number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column}: the header cell is empty; it must name an input "
                                       "or output neuron"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column}: {name} is a hidden neuron; a column names an "
                                       "input or an output (a neuron with no outgoing synapse)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column}: {name} is named twice (also in column {first})"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column}: {name} is the label of several neurons; name "
                                       "the column by a neuron's id"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}, column {column}: {name} names no neuron of the network"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}: no column names an input neuron"),
    QT_TRANSLATE_NOOP("ErrorMessages", "row {row}: no column names an output neuron (a computing neuron with no "
                                       "outgoing synapse)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the data file has a header but no examples"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the data file holds a NUL character; it is not a text file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the data file is empty"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the data file is larger than {limit} MB"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the data set {name} needs a network with {need_in} inputs and {need_out} "
                                       "output (a computing neuron with no outgoing synapse); this network's inputs "
                                       "are {inputs} and its outputs {outputs}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the noise must be between 0 and 10, not {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the number of samples must be a whole number from 2 to {limit}, not {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown data set {name}; expected one of {options} or a .csv file"),
    # model/training/layered.py
    QT_TRANSLATE_NOOP("ErrorMessages", "only rate networks can be trained; this one is spiking"),
    # model/training/trainer.py
    QT_TRANSLATE_NOOP("ErrorMessages", "choose examples from 1 to {count}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "cross-entropy needs sigmoid outputs; {label} uses {activation}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "cross-entropy needs targets from 0 to 1; example {row} has {value:g} for "
                                       "{name}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the batch size must be a whole number from 1 up, not {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the learning rate must be a number above 0 and at most 1000, not {value}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the network has no output neuron (a computing neuron with no outgoing "
                                       "synapse)"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the perceptron rule needs step units; {label} uses {activation}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the perceptron rule trains one layer of step units; {label} is not an "
                                       "output of the data. Use backprop for hidden layers"),
    QT_TRANSLATE_NOOP("ErrorMessages", "training diverged in epoch {epoch}: a weight or threshold went beyond "
                                       "±{limit:g}; try a smaller learning rate"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown algorithm {name}; expected one of {options}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown initialisation {name}; expected one of {options}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown loss {name}; expected one of {options}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{label} is a step unit: its slope is 0 wherever it is defined, so backprop "
                                       "cannot train it. Choose sigmoid for it"),
    # model/engines/spiking/arrays.py
    QT_TRANSLATE_NOOP("ErrorMessages", "this is a rate network; use the rate engine"),
    # ui/export/animation.py
    QT_TRANSLATE_NOOP("ErrorMessages", "an animation has 1 to {limit} frames, not {frames}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the frame rate must be between {low:g} and {limit:g} frames per second, got "
                                       "{fps:g}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "this network cannot run"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the animation has no frames"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{frames} frames of {width} × {height} pixels are too many pixels for one "
                                       "animation (the limit is {limit:,}); choose a smaller scale or fewer frames"),
    QT_TRANSLATE_NOOP("ErrorMessages", "could not write {path}: {reason:w}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "could not write {path}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "an animation is written as .gif or as numbered .png frames"),
    # ui/export/decorations.py
    QT_TRANSLATE_NOOP("ErrorMessages", "there is no neuron {id!r} in the figure"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{id} is not a computing neuron of the figure: Name the parts labels one"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the figure has no computing neuron whose parts could be named"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the Keras code and W matrices are for feedforward rate networks with inputs"),
    # ui/export/figure.py
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown background {name!r}: use white or transparent"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown scope {scope!r}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the scale must be more than 0 and at most {limit:g}, got {scale:g}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "nothing is selected: select neurons to draw, or draw the whole network"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the network is empty: there is nothing to draw"),
    QT_TRANSLATE_NOOP("ErrorMessages", "{width} × {height} pixels is too large; choose a smaller scale"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown format {format!r}: use one of {formats}"),
    QT_TRANSLATE_NOOP("ErrorMessages", "unknown format {suffix:w}; use .png, .svg or .pdf"),
)

# Values shown through a `{name:w}` placeholder: words of the model's fixed vocabulary, translated
# on their own (English keeps them as they are). Python's own JSON messages are among them.
WORDS = (
    # the kinds of neuron, with the article the English sentence needs (messages.article)
    QT_TRANSLATE_NOOP("ErrorMessages", "an input"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a neuron"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a generator"),
    # what a JSON value is (fileformat._type_name)
    QT_TRANSLATE_NOOP("ErrorMessages", "an object"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a list"),
    QT_TRANSLATE_NOOP("ErrorMessages", "text"),
    QT_TRANSLATE_NOOP("ErrorMessages", "a number"),
    QT_TRANSLATE_NOOP("ErrorMessages", "true/false"),
    QT_TRANSLATE_NOOP("ErrorMessages", "null"),
    # a file name without a suffix (export)
    QT_TRANSLATE_NOOP("ErrorMessages", "(no suffix)"),
    # what takes most of a run's memory (run_memory.PARTS)
    QT_TRANSLATE_NOOP("ErrorMessages", "input in flight along the synapses"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the spikes of the run"),
    QT_TRANSLATE_NOOP("ErrorMessages", "the table of activity"),
    # json.JSONDecodeError.msg, the ones a damaged file gives (the rarer ones stay in English)
    QT_TRANSLATE_NOOP("ErrorMessages", "Expecting value"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Extra data"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Invalid control character at"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Unterminated string starting at"),
    # why a file could not be read or written: the operating system's reason (OSError.strerror),
    # the common ones on Linux, macOS and Windows (the rarer ones stay in English)
    QT_TRANSLATE_NOOP("ErrorMessages", "No such file or directory"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Permission denied"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Operation not permitted"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Read-only file system"),
    QT_TRANSLATE_NOOP("ErrorMessages", "No space left on device"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Disk quota exceeded"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Disc quota exceeded"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Is a directory"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Not a directory"),
    QT_TRANSLATE_NOOP("ErrorMessages", "File exists"),
    QT_TRANSLATE_NOOP("ErrorMessages", "File name too long"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Input/output error"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Too many levels of symbolic links"),
    QT_TRANSLATE_NOOP("ErrorMessages", "not a regular file"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Device or resource busy"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Resource busy"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Stale file handle"),
    QT_TRANSLATE_NOOP("ErrorMessages", "Access is denied"),
    QT_TRANSLATE_NOOP("ErrorMessages", "The system cannot find the path specified"),
    QT_TRANSLATE_NOOP("ErrorMessages", "The process cannot access the file because it is being used by another "
                                       "process"),
    # a path Python refuses before asking the system (ValueError)
    QT_TRANSLATE_NOOP("ErrorMessages", "embedded null byte"),
)
