from neuron_sim.cli import main

raise SystemExit(main())
