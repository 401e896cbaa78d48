from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_portal_menu_item")
def example_admin_menu_item():
    return MenuItem("Example administration", "/admin/example/", icon_name="cog", order=500)
