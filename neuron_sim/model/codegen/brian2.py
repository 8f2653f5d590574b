"""A spiking network as a Brian2 script: a `NeuronGroup` with the model's exact equations, the
sources as a `SpikeGeneratorGroup` with neuron-sim's spike times, `Synapses` with `on_pre` and
delays, `SpikeMonitor`s (docs/code-export.md). It reproduces neuron-sim spike for spike."""

from __future__ import annotations

from neuron_sim.model.codegen.common import (
    CodeExport,
    ExportOptions,
    Writer,
    header,
    integers,
    json_footer,
    number,
    numbers,
    resolve_steps,
    strings,
)
from neuron_sim.model.codegen.spike_plan import SpikingPlan, names, source_schedule, spiking_plan, uniform
from neuron_sim.model.network import Network

EQUATIONS = '''"""
dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)
v_rest : 1 (constant)
v_reset : 1 (constant)
v_threshold : 1 (constant)
drive : 1 (constant)
tau : second (constant)
t_ref : second (constant)
"""'''

# (Brian2 variable, neuron field, unit in the script)
CELL_FIELDS = (("v_rest", "v_rest_mV", ""), ("v_reset", "v_reset_mV", ""), ("v_threshold", "v_threshold_mV", ""),
               ("drive", "drive_mV", ""), ("tau", "tau_ms", " * ms"), ("t_ref", "refractory_ms", " * ms"))


def generate_brian2(network: Network, options: ExportOptions) -> CodeExport:
    plan = spiking_plan(network, "Brian2")
    steps = resolve_steps(network, options)
    write = Writer(options.lang)
    header(write, network, "target_brian2", steps, [])
    write("", "import json", "", "import numpy as np",
          "from brian2 import NeuronGroup, Network, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, "
          "ms, prefs", "")
    write.say("brian2_target")
    write('prefs.codegen.target = "numpy"', "# from brian2 import set_device; set_device(\"cpp_standalone\")", "")
    write.say("ids")
    write(f"IDS = {strings(network.neurons)}")
    write.say("steps")
    write(f"STEPS = {steps}", f"DT_MS = {number(plan.dt_ms)}", "DT = DT_MS * ms")
    objects = _cells(write, plan)
    source_schedule(write, plan)
    objects += _sources(write, plan)
    objects += _synapses(write, plan)
    write("", "")
    write.say("monitors")
    monitors = []
    if plan.cells:
        write("cell_spikes = SpikeMonitor(cells)",
              'voltages = StateMonitor(cells, "v", record=True, when="end", dt=DT)')
        monitors += ["cell_spikes", "voltages"]
    if plan.sources:
        write("source_spikes = SpikeMonitor(sources)")
        monitors.append("source_spikes")
    write(f"network = Network({', '.join(objects + monitors)})", "network.run(STEPS * DT)")
    _output(write, plan)
    json_footer(write, spikes=True)
    return CodeExport(write.text(), [])


def _cells(write: Writer, plan: SpikingPlan) -> list[str]:
    if not plan.cells:
        return []
    write("", "")
    write.say("lif_model")
    write.say("brian2_units")
    write.say("cells", ids=", ".join(n.id for n in plan.cells))
    write(f"CELLS = {names(plan.cells)}", f"equations = {EQUATIONS}")
    write('cells = NeuronGroup(len(CELLS), equations, threshold="v >= v_threshold", reset="v = v_reset",',
          '                    refractory="t_ref", method="exact", dt=DT)')
    for variable, field, unit in (*CELL_FIELDS, ("v", "initial_v_mV", "")):
        values = [float(getattr(n, field)) for n in plan.cells]
        same = uniform(values)
        text = number(same) if same is not None else f"np.array({numbers(values)})"
        write(f"cells.{variable} = {text}{unit}")
    return ["cells"]


def _sources(write: Writer, plan: SpikingPlan) -> list[str]:
    if not plan.sources:
        return []
    write("", "")
    write.say("sources", ids=", ".join(n.id for n in plan.sources))
    write(f"SOURCES = {names(plan.sources)}",
          "indices = np.concatenate([np.full(len(s), i) for i, s in enumerate(SOURCE_STEPS)])",
          "times = np.concatenate(SOURCE_STEPS) * DT",
          "sources = SpikeGeneratorGroup(len(SOURCES), indices, times, dt=DT)")
    return ["sources"]


def _synapses(write: Writer, plan: SpikingPlan) -> list[str]:
    objects = []
    cell = plan.cell_index
    said = False
    for pre, from_sources, index in (("cells", False, cell), ("sources", True, plan.source_index)):
        chosen = plan.from_sources(from_sources)
        if not chosen:
            continue
        if not said:
            write("", "")
            write.say("synapses")
            said = True
        name = f"{pre}_to_cells"
        write(f'{name} = Synapses({pre}, cells, "w : 1", on_pre="v_post += w", dt=DT)',
              f"{name}.connect(i={integers(index[s.source] for s in chosen)},",
              f"{' ' * len(name)}         j={integers(cell[s.target] for s in chosen)})",
              f"{name}.w = np.array({numbers(s.weight for s in chosen)})",
              f"{name}.delay = np.array({numbers(s.delay_ms for s in chosen)}) * ms")
        write("# " + ", ".join(f"{s.source} → {s.target}" for s in chosen))
        objects.append(name)
    return objects


def _output(write: Writer, plan: SpikingPlan) -> None:
    write("", "")
    write.say("spiking_output")
    write("column = {nid: c for c, nid in enumerate(IDS)}",
          "rows = np.zeros((STEPS, len(IDS)))",
          "spikes = {nid: [] for nid in IDS}")
    if plan.cells:
        write("rows[:, [column[nid] for nid in CELLS]] = np.asarray(voltages.v).T")
    pairs = ([("cell_spikes", "CELLS", False)] if plan.cells else []) + \
        ([("source_spikes", "SOURCES", True)] if plan.sources else [])
    for monitor, group, is_source in pairs:
        write(f"for i, t in zip(np.asarray({monitor}.i), np.asarray({monitor}.t_)):",
              "    k = int(round(t / float(DT)))",
              f"    spikes[{group}[i]].append(round(k * DT_MS, 9))")
        if is_source:
            write(f"    rows[k, column[{group}[i]]] = 1.0")
    write("activity = rows.tolist()")
