from portal import plugins


class ExamplePluginConfig(plugins.PluginConfig):
    """A plugin that exists only in tests, to exercise every part of the plugin contract."""

    name = "tests.example_plugin"
    label = "example_plugin"
    slug = "example"
    verbose_name = "Example plugin"
    urls = "tests.example_plugin.urls"
    texts = "tests.example_plugin.texts.TEXTS"
    tiles = (
        plugins.TileSpec(
            key="example",
            title_key="tiles.example.title",
            description_key="tiles.example.description",
            url_name="example_plugin:start",
            audience=plugins.CITIZEN,
        ),
    )
    jobs = (plugins.JobSpec(name="tidy", func="tests.example_plugin.jobs.tidy", schedule_type="D"),)
    services = (plugins.ServiceSpec(name="greet", func="tests.example_plugin.services.greet"),)
    text_areas = {"example": "Example"}

    def ready(self):
        # The portal's own services are declared in portal.services; this one exists only in
        # the tests, so the example plugin declares it here.
        from portal import services

        from .services import Greeting

        services.declare("greet", Greeting, fallback="tests.example_plugin.services.greet_plainly")
