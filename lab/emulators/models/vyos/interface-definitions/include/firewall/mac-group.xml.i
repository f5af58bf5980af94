<!-- include start from firewall/mac-group.xml.i -->
<leafNode name="mac-group">
  <properties>
    <help>Group of MAC addresses</help>
    <completionHelp>
      <path>firewall group mac-group</path>
    </completionHelp>
  </properties>
</leafNode>
<!-- include start from firewall/mac-group.xml.i -->